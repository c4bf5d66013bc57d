import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse, type Browser } from "@playwright/test";
import { pageRules, routeRules, sampleParams, type Who } from "../test/authz/rules";
import { loginAs } from "./helpers/login";

/**
 * The authorization matrix over HTTP: every admin page (app/admin/**\/page.tsx) and every
 * route handler (app/**\/route.ts), found on disk so new ones are picked up, requested as
 * anonymous, editor, reviewer and admin; the answer must match test/authz/rules.ts.
 */
const APP = path.join(process.cwd(), "app");
const WHO: Who[] = ["anonymous", "EDITOR", "REVIEWER", "ADMIN"];
const ACCOUNT = { EDITOR: "editor", REVIEWER: "reviewer", ADMIN: "admin" } as const;

function walk(dir: string, name: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name), name) : e.name === name ? [path.join(dir, e.name)] : []));
}

/** app/admin/(panel)/users/[id]/page.tsx → /admin/users/[id] */
function routeOf(file: string): string {
  const segments = path.relative(APP, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

function urlOf(route: string, samples: Map<string, string> = new Map()): string {
  if (samples.has(route)) return samples.get(route)!;
  return route.replace(/\[([^\]]+)\]/g, (_m, name: string) => sampleParams[name] ?? "1").replace(/\/+/g, "/");
}

/**
 * A real URL for each dynamic admin page: the first matching link on its parent list
 * page as the admin sees it (/admin/users → /admin/users/7); else sampleParams.
 */
async function discoverSamples(admin: APIRequestContext): Promise<Map<string, string>> {
  const samples = new Map<string, string>();
  for (const route of pages.filter((p) => p.includes("["))) {
    const parent = route.slice(0, route.indexOf("/["));
    const html = await (await admin.get(parent)).text();
    const pattern = new RegExp(`href="(${route.replace(/\[[^\]]+\]/g, "[^\"/?#]+").replace(/\//g, "\\/")})"`, "g");
    // Not a static sibling such as /admin/users/new.
    const found = [...html.matchAll(pattern)].map((m) => m[1]).find((url) => !pages.includes(url));
    if (found) samples.set(route, found);
  }
  return samples;
}

function methodsOf(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) found.add(m[1]);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) for (const n of m[1].matchAll(/\bas\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) found.add(n[1]);
  return [...found];
}

const pages = walk(path.join(APP, "admin"), "page.tsx").map(routeOf).sort();
const routes = walk(APP, "route.ts").flatMap((file) => methodsOf(file).map((method) => `${method} ${routeOf(file)}`)).sort();

const contexts = new Map<Who, APIRequestContext>();

async function contextFor(browser: Browser, who: Who): Promise<APIRequestContext> {
  if (contexts.has(who)) return contexts.get(who)!;
  const context = await browser.newContext();
  if (who !== "anonymous") await loginAs(await context.newPage(), ACCOUNT[who]);
  contexts.set(who, context.request);
  return context.request;
}

/** Denied: sent to the login page or away from the page, or refused outright. */
function wasDenied(response: APIResponse, url: string): boolean {
  const status = response.status();
  if (status === 401 || status === 403) return true;
  if (status >= 300 && status < 400) {
    const location = new URL(response.headers()["location"] ?? "", "http://x");
    return location.pathname !== new URL(url, "http://x").pathname;
  }
  return false;
}


test("every admin page and route handler has a rule", () => {
  expect(pages.length).toBeGreaterThanOrEqual(4);
  expect(pages.filter((p) => !(p in pageRules)), "admin pages without a rule in test/authz/rules.ts").toEqual([]);
  expect(routes.filter((r) => !(r in routeRules)), "route handlers without a rule in test/authz/rules.ts").toEqual([]);
});

test("admin pages allow and deny by role", async ({ browser }) => {
  test.setTimeout(180_000);
  const mismatches: string[] = [];
  const samples = await discoverSamples(await contextFor(browser, "ADMIN"));
  for (const who of WHO) {
    const request = await contextFor(browser, who);
    for (const route of pages) {
      const url = urlOf(route, samples);
      const response = await request.get(url, { maxRedirects: 0 });
      const allowed = pageRules[route]?.includes(who) ?? false;
      const denied = wasDenied(response, url) || response.status() === 404;
      if (allowed === denied) mismatches.push(`${url} as ${who}: expected ${allowed ? "allow" : "deny"}, got ${response.status()} ${response.headers()["location"] ?? ""}`);
      if (!allowed && who === "anonymous") expect(response.headers()["location"], url).toContain("/admin/login");
    }
  }
  expect(mismatches).toEqual([]);
});

test("route handlers allow and deny by role", async ({ browser }) => {
  test.setTimeout(180_000);
  const mismatches: string[] = [];
  for (const who of WHO) {
    const request = await contextFor(browser, who);
    for (const rule of routes) {
      const [method, route] = rule.split(" ");
      const url = urlOf(route);
      // Like a browser: a same-origin Origin header on writes (routes refuse cross-site posts first).
      const headers: Record<string, string> = method === "GET" ? {} : { origin: new URL(test.info().project.use.baseURL!).origin };
      // Writes carry a small multipart form with a file, so that a route reaches its session check.
      const multipart = method === "GET" ? undefined : { file: { name: "probe.txt", mimeType: "text/plain", buffer: Buffer.from("probe") }, purpose: "attachment" };
      const response = await request.fetch(url, { method, maxRedirects: 0, headers, multipart });
      const allowed = routeRules[rule]?.includes(who) ?? false;
      const denied = wasDenied(response, url) || (!allowed && response.status() === 404);
      if (allowed === denied) mismatches.push(`${method} ${url} as ${who}: expected ${allowed ? "allow" : "deny"}, got ${response.status()}`);
    }
  }
  expect(mismatches).toEqual([]);
});
