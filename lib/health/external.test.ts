import type http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { RichTextNode } from "@/lib/sanitize/tiptap";
import { referenceSettings } from "@/lib/seed/settings";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { startImageServer, type ImageServer } from "@/test/image-server";
import { createArticle } from "@/test/public-articles";
import { getLatestRun } from "./queries";
import { runNow } from "./start";

setupTestDatabase();

let server: ImageServer;
const seen: { method: string; path: string; at: number }[] = [];
const record = (req: http.IncomingMessage) => seen.push({ method: req.method ?? "", path: (req.url ?? "").split("?")[0], at: Date.now() });

beforeAll(async () => {
  server = await startImageServer({
    "/ok": (req, res) => (record(req), res.writeHead(200, { "content-type": "text/html" }).end("<p>ok</p>")),
    // Some servers refuse HEAD: the check asks again with GET.
    "/no-head": (req, res) => (record(req), req.method === "HEAD" ? res.writeHead(405).end() : res.writeHead(200).end("ok")),
    "/gone": (req, res) => (record(req), res.writeHead(404).end("not found")),
    // Never answers: the check gives up at its timeout.
    "/slow": (req) => record(req),
  });
  const admin = await createUser("ADMIN");
  // The local server stands for a site on the internet: the test allows its loopback address.
  await db().siteSettings.create({ data: { id: 1, ...referenceSettings, remoteImageHosts: "127.0.0.1" } });
  const column = await createColumn();
  const links: RichTextNode[] = ["/ok", "/no-head", "/gone", "/slow"].map((path) => ({ type: "text", text: path, marks: [{ type: "link", attrs: { href: `${server.origin}${path}` } }] }));
  // A cloud metadata address is never fetched, whatever the settings say.
  links.push({ type: "text", text: "元数据", marks: [{ type: "link", attrs: { href: "http://169.254.169.254/latest/meta-data" } }] });
  await createArticle({ columnId: column.id, authorId: admin.id, title: "外部链接", doc: { type: "doc", content: [{ type: "paragraph", content: links }] } });
});

afterAll(() => server.close());

const externalFindings = async () => (await getLatestRun())!.findings.filter((f) => f.check === "external-link").map((f) => f.message);

describe("the external link check", () => {
  it("is off by default: no request leaves the server", async () => {
    await runNow("管理员");
    expect(await externalFindings()).toEqual([]);
    expect((await getLatestRun())!.report!.external).toBeNull();
    expect(seen).toEqual([]);
  });

  it("when on: HEAD then GET, a timeout, only allowed addresses, and the dead links reported", async () => {
    await db().siteSettings.update({ where: { id: 1 }, data: { checkExternalLinks: true } });
    // A timeout a busy machine's answers stay well within, and pacing whose span outlasts two of them.
    await runNow("管理员", { external: { timeoutMs: 1_500, perHostIntervalMs: 600 } });
    expect((await externalFindings()).sort()).toEqual([
      `文章《外部链接》中的外部链接 ${server.origin}/gone 无法访问：服务器返回 404。`,
      `文章《外部链接》中的外部链接 ${server.origin}/slow 无法访问：超时未响应。`,
    ]);
    expect((await getLatestRun())!.report!.external).toEqual({ checked: 4, failed: 2, skipped: 1, capped: 0 });
    const calls = (path: string) => seen.filter((s) => s.path === path).map((s) => s.method);
    expect(calls("/ok")).toEqual(["HEAD"]);
    expect(calls("/no-head")).toEqual(["HEAD", "GET"]);
    expect(calls("/gone")).toEqual(["HEAD", "GET"]);
    // Requests to one host are paced (600 ms apart here; 1 s by default): the 7 requests span
    // at least 6 intervals, less what a busy machine may add to the first one's way.
    // Unpaced, they would all have arrived within the slow link's two timeouts (3 s).
    const times = seen.map((s) => s.at).sort((a, b) => a - b);
    expect(times).toHaveLength(7);
    expect(times[6] - times[0]).toBeGreaterThanOrEqual(6 * 600 - 250);
  });

  it("checks at most the cap per run and says how many were left", async () => {
    seen.length = 0;
    await runNow("管理员", { external: { maxLinks: 2, timeoutMs: 700, perHostIntervalMs: 0 } });
    const external = (await getLatestRun())!.report!.external!;
    expect(external.checked + external.skipped).toBe(2);
    expect(external.capped).toBe(3);
  });
});
