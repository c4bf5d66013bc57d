// @ts-check
import { SCRIPT_TAG, isDataScript } from "./csp-core.mjs";
import { EARLY_PREFS_SCRIPT } from "./reader-prefs.mjs";

/**
 * Public reading pages are plain HTML. They have nothing for a framework to do — the
 * few interactive parts are one small script, /site.js — so the cached copy is stored
 * without the React runtime Next.js writes into every App Router page: its <script>
 * chunks, their preloads, and the inline RSC payload that would hydrate the page.
 * That is about 130 KB of gzipped JavaScript and half the HTML a reader no longer
 * downloads, and a page that needs no 'unsafe-inline' and no per-page script hashes.
 *
 * A page opts in with PLAIN_PAGE_ATTRIBUTE on an element (the public site's layout
 * does); nothing else is touched. Links on such pages are plain <a> (no client-side
 * navigation), so every page load runs the site script.
 */
export const PLAIN_PAGE_ATTRIBUTE = "data-plain-page";

/**
 * A page cannot set its HTTP status (App Router pages answer 200 or 404); a plain page
 * that must answer otherwise — a withdrawn article, 410 Gone — renders the status
 * notice (components/site/status-notice.tsx), whose element opens with this attribute,
 * and is stored in the page cache with that status.
 * Only that element's opening tag counts: `<section data-http-status="…"` as its first
 * attribute. Text anywhere on the page (an approved body saying data-http-status="410")
 * has its "<" escaped, and the sanitizer lets no <section> and no data-http-status
 * attribute through, so no content can ask for a status.
 */
export const HTTP_STATUS_ATTRIBUTE = "data-http-status";
export const STATUS_NOTICE_TAG = "section";
const HTTP_STATUS = new RegExp(`<${STATUS_NOTICE_TAG} ${HTTP_STATUS_ATTRIBUTE}="(4\\d\\d)"`);

/** The status a plain page's status notice asks for, if any. */
export function requestedStatus(/** @type {string} */ html) {
  const match = HTTP_STATUS.exec(html);
  return match ? Number(match[1]) : undefined;
}

/** Where the site script is served; the version query changes with its content. */
export const SITE_SCRIPT_PATH = "/site.js";

const LINK = /<link\b[^>]*>/gi;
const SITE_SCRIPT_SRC = new RegExp(`\\ssrc="${SITE_SCRIPT_PATH.replace(".", "\\.")}(?:\\?[^"]*)?"`, "i");

export function isPlainPage(/** @type {string} */ html) {
  return html.includes(` ${PLAIN_PAGE_ATTRIBUTE}=`);
}

/** Is this <script> one the page keeps: data (JSON-LD), the site script, or the preferences snippet? */
export function isKeptScript(/** @type {string} */ attributes, /** @type {string} */ body) {
  return isDataScript(attributes) || SITE_SCRIPT_SRC.test(attributes) || (body === EARLY_PREFS_SCRIPT && !/\ssrc\s*=/i.test(attributes));
}

/** A script preload (<link rel="preload" as="script">, rel="modulepreload"): only ever for the runtime. */
function isScriptPreload(/** @type {string} */ tag) {
  return /\srel="modulepreload"/i.test(tag) || (/\srel="preload"/i.test(tag) && /\sas="script"/i.test(tag));
}

/** The page without the framework's scripts; idempotent. */
export function withoutFrameworkRuntime(/** @type {string} */ html) {
  return html
    .replace(SCRIPT_TAG, (whole, attributes, body) => (isKeptScript(attributes, body) ? whole : ""))
    .replace(LINK, (tag) => (isScriptPreload(tag) ? "" : tag));
}
