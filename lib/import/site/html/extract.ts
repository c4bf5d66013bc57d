import * as cheerio from "cheerio";
import type { CheerioAPI } from "cheerio";
import { fill } from "@/lib/i18n/fill";
import { zoneOffset } from "@/lib/format/zone";
import { importText } from "../text";
import { ALWAYS_REMOVED, PRESETS, type PageSelectors } from "./presets";

/**
 * What a static page holds, read by the selectors of a preset (./presets.ts): title,
 * 公开日期, 作者, 来源 and the body's HTML — navigation, footer, share buttons and the
 * 打印/关闭 links are left behind. Pure: the page's HTML in, fields out.
 */
export interface ExtractedPage {
  preset: string;
  title: string;
  publishedAt: Date | null;
  author: string;
  source: string;
  bodyHtml: string;
}

export type Extraction = { ok: true; page: ExtractedPage } | { ok: false; problem: string };

const TOOL_LINK = /^[\s[【(（]*(打印(本页|此页|文章)?|关闭(本页|窗口|此页)?|保存(本页)?|收藏(本页)?|分享(到)?|返回(顶部)?|顶部|字号|[大中小])[\s\]】)）]*$/;
const DATE_LABELS = "公开日期|发布日期|发布时间|成文日期|信息时间|更新时间|日期|时间";
const DATE_VALUE = String.raw`(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?`;
const NEXT_LABEL = String.raw`(?=\s*(?:信息|文章)?(?:${DATE_LABELS}|作者|来源|浏览次数|点击数|访问量|字号|打印|关闭|分享)\s*[:：]|\s{2,}|[|｜]|$)`;

/** "2023-07-30 18:04:25", "2023年7月30日" as wall time in the site's zone. */
export function readChineseDate(text: string, timeZone = "Asia/Shanghai"): Date | null {
  const m = new RegExp(DATE_VALUE).exec(text);
  if (!m) return null;
  const pad = (s: string | undefined, d = "00") => (s ?? d).padStart(2, "0");
  const wall = `${m[1]}-${pad(m[2])}-${pad(m[3])}T${pad(m[4])}:${pad(m[5])}:${pad(m[6])}`;
  const date = new Date(`${wall}${zoneOffset(new Date(`${wall}Z`), timeZone)}`);
  return Number.isNaN(date.getTime()) || Number(m[2]) > 12 || Number(m[3]) > 31 ? null : date;
}

/** The date a TRS or Hanweb address carries: …/t20230730_…, …/art/2023/7/30/art_… */
export function dateFromAddress(url: string, timeZone = "Asia/Shanghai"): Date | null {
  const trs = /\/t(\d{4})(\d{2})(\d{2})_\d+/.exec(url);
  if (trs) return readChineseDate(`${trs[1]}-${trs[2]}-${trs[3]}`, timeZone);
  const hanweb = /\/art\/(\d{4})\/(\d{1,2})\/(\d{1,2})\/art_/.exec(url);
  return hanweb ? readChineseDate(`${hanweb[1]}-${hanweb[2]}-${hanweb[3]}`, timeZone) : null;
}

/** A labelled value in an info line: 作者：市政府办公室 来源：乌海新闻 → "市政府办公室". */
export function labelled(text: string, label: string): string {
  const m = new RegExp(`(?:${label})\\s*[:：]\\s*(.*?)${NEXT_LABEL}`).exec(text.replace(/\u00a0/g, " "));
  return m ? m[1].trim() : "";
}

const clean = (s: string) => s.replace(/\s+/g, " ").trim();

function firstText($: CheerioAPI, selectors: string[]): string {
  for (const selector of selectors) {
    const text = clean($(selector).first().text());
    if (text) return text;
  }
  return "";
}

function meta($: CheerioAPI, name: string): string {
  return clean($(`meta[name="${name}"]`).attr("content") ?? "");
}

/** The title from <title> when nothing else has it: "标题_乌海市人民政府" → "标题". */
function pageTitle($: CheerioAPI): string {
  return clean($("title").text()).split(/\s*[_|｜—-]\s*/)[0] ?? "";
}

function findBody($: CheerioAPI, selectors: string[]) {
  for (const selector of selectors) {
    const el = $(selector).first();
    if (el.length && (clean(el.text()) || el.find("img").length)) return el;
  }
  return null;
}

/** The page read with one preset; a problem naming what it could not find. */
export function extractPage(html: string, url: string, selectors: PageSelectors, timeZone = "Asia/Shanghai"): Extraction {
  const $ = cheerio.load(html);
  const body = findBody($, selectors.body);
  const title = meta($, "ArticleTitle") || firstText($, selectors.title) || pageTitle($);
  const missing = [!title && importText.fields.title, !body && importText.fields.body].filter(Boolean);
  if (!body || !title) return { ok: false, problem: fill(importText.problems.selectors, { preset: selectors.name, missing: missing.join("、") }) };
  const info = firstText($, selectors.info);
  const dateText = meta($, "PubDate") || meta($, "pubdate") || $(selectors.date.join(",")).first().attr("datetime") || firstText($, selectors.date) || labelled(info, DATE_LABELS) || info;
  const iso = /^\d{4}-\d{2}-\d{2}T/.test(dateText) ? new Date(dateText) : null;
  const publishedAt = (iso && !Number.isNaN(iso.getTime()) ? iso : readChineseDate(dateText, timeZone)) ?? dateFromAddress(url, timeZone);
  body.find([...ALWAYS_REMOVED, ...selectors.remove].join(",")).remove();
  body.find("a, span, p, div").each((_, el) => {
    const node = $(el);
    if (TOOL_LINK.test(node.text()) && !node.find("img").length) node.remove();
  });
  return {
    ok: true,
    page: {
      preset: selectors.name,
      title,
      publishedAt,
      author: meta($, "Author") || firstText($, selectors.author) || labelled(info, "作者|撰稿|发布者|发布机构"),
      source: meta($, "ContentSource") || firstText($, selectors.source) || labelled(info, "来源|信息来源|文章来源"),
      bodyHtml: body.html() ?? "",
    },
  };
}

/** With no preset named: the first preset that finds a title and a body. */
export function extractWithAnyPreset(html: string, url: string, timeZone?: string): Extraction {
  for (const preset of Object.values(PRESETS)) {
    const result = extractPage(html, url, preset, timeZone);
    if (result.ok) return result;
  }
  return { ok: false, problem: fill(importText.problems.selectors, { preset: "全部预设", missing: importText.fields.body }) };
}
