import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { internalToken } from "@/lib/internal/token";
import { RenderGate, isPublicRender } from "./render-gate";

vi.stubEnv("NEXTAUTH_SECRET", "render-gate-test-secret");

/**
 * The gate in a real HTTP server whose "renders" finish only when the test says so: the
 * order they start in, the 503 past the line, and readers who leave.
 */
interface Rig {
  gate: RenderGate;
  base: string;
  started: string[];
  finish: (path: string) => void;
  server: http.Server;
}

let rig: Rig | null = null;
afterEach(async () => {
  rig?.server.closeAllConnections();
  await new Promise<void>((resolve) => (rig ? rig.server.close(() => resolve()) : resolve()));
  rig = null;
});

async function startRig(concurrency: number, maxQueue: number): Promise<Rig> {
  const gate = new RenderGate({ concurrency, maxQueue });
  const started: string[] = [];
  const pending = new Map<string, http.ServerResponse>();
  const server = http.createServer((req, res) =>
    gate.admit(res, () => {
      started.push(req.url!);
      pending.set(req.url!, res);
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const finish = (path: string) => {
    pending.get(path)!.end(`rendered ${path}`);
    pending.delete(path);
  };
  rig = { gate, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, started, finish, server };
  return rig;
}

/** A GET on its own connection, so that requests never queue behind each other in the client. */
function get(base: string, path: string, signal?: AbortSignal): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}${path}`, { agent: false, signal }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    request.on("error", reject);
  });
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
}

describe("the render gate", () => {
  it("lets `concurrency` renders run at once and starts the waiting ones in arrival order", async () => {
    const { gate, base, started, finish } = await startRig(2, 10);
    const answers = ["/a", "/b"].map((path) => get(base, path));
    await until(() => started.length === 2);
    const c = get(base, "/c");
    await until(() => gate.load.waiting === 1);
    const d = get(base, "/d");
    await until(() => gate.load.waiting === 2);
    expect(gate.load).toEqual({ running: 2, waiting: 2 });
    expect(started).toEqual(["/a", "/b"]);

    finish("/b");
    expect((await answers[1]).body).toBe("rendered /b");
    await until(() => started.length === 3);
    expect(started[2]).toBe("/c");
    finish("/a");
    await until(() => started.length === 4);
    expect(started[3]).toBe("/d");
    finish("/c");
    finish("/d");
    expect((await Promise.all([answers[0], c, d])).map((r) => r.body)).toEqual(["rendered /a", "rendered /c", "rendered /d"]);
    await until(() => gate.load.running === 0);
  });

  it("answers 503 with Retry-After and a page in Chinese once the line is full, and renders nothing for it", async () => {
    const { gate, base, started, finish } = await startRig(1, 1);
    const first = get(base, "/first");
    await until(() => started.length === 1);
    const second = get(base, "/second");
    await until(() => gate.load.waiting === 1);

    const refused = await get(base, "/third");
    expect(refused.status).toBe(503);
    expect(refused.headers["retry-after"]).toBe("5");
    expect(refused.headers["cache-control"]).toBe("no-store");
    expect(refused.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(refused.body).toContain("当前访问人数较多");
    expect(started).toEqual(["/first"]);

    finish("/first");
    await until(() => started.length === 2);
    finish("/second");
    expect((await first).status).toBe(200);
    expect((await second).body).toBe("rendered /second");
  });

  it("takes a reader who gives up out of the line, and frees the turn of one who leaves mid-render", async () => {
    const { gate, base, started, finish } = await startRig(1, 5);
    const leaving = new AbortController();
    const running = get(base, "/running", leaving.signal).catch(() => "aborted");
    await until(() => started.length === 1);
    const impatient = new AbortController();
    const gaveUp = get(base, "/gave-up", impatient.signal).catch(() => "aborted");
    const patient = get(base, "/patient");
    await until(() => gate.load.waiting === 2);

    impatient.abort();
    expect(await gaveUp).toBe("aborted");
    await until(() => gate.load.waiting === 1);
    // The running reader leaves too: its turn passes on without its render ever finishing.
    leaving.abort();
    expect(await running).toBe("aborted");
    await until(() => started.length === 2);
    expect(started).toEqual(["/running", "/patient"]);
    finish("/patient");
    expect((await patient).body).toBe("rendered /patient");
    await until(() => gate.load.running === 0 && gate.load.waiting === 0);
  });
});

describe("isPublicRender", () => {
  const request = (method: string, url: string, headers: http.IncomingHttpHeaders = {}, remoteAddress = "127.0.0.1") =>
    ({ method, url, headers, socket: { remoteAddress } }) as unknown as http.IncomingMessage;

  it("holds the reading pages, search and the downloads", () => {
    for (const url of ["/", "/articles/12", "/articles/12?from=wechat", "/columns/news", "/columns/news/page/3", "/sitemap", "/feed.xml", "/search?q=生态", "/articles/12/download?format=docx", "/articles/12/download?format=html"]) {
      expect(isPublicRender(request("GET", url)), url).toBe(true);
    }
    expect(isPublicRender(request("HEAD", "/articles/12"))).toBe(true);
  });

  it("never holds the admin, the API, assets, posts or the static publisher", () => {
    for (const url of ["/admin", "/admin/articles", "/api/health", "/_next/static/chunks/a.js", "/media/2026/11/a.png", "/site.js", "/articles/12/download/x", "/articles/abc/download"]) {
      expect(isPublicRender(request("GET", url)), url).toBe(false);
    }
    expect(isPublicRender(request("POST", "/search"))).toBe(false);
    expect(isPublicRender(request("GET", "/articles/12", { "x-gazette-snapshot": internalToken() }))).toBe(false);
    expect(isPublicRender(request("GET", "/articles/12", { "x-gazette-snapshot": internalToken() }, "::ffff:127.0.0.1"))).toBe(false);
  });

  it("holds a client that only claims to be the static publisher: without the token, or not from this machine", () => {
    for (const claim of ["1", "", internalToken().toUpperCase(), `${internalToken()} `]) {
      expect(isPublicRender(request("GET", "/articles/12", { "x-gazette-snapshot": claim })), claim).toBe(true);
    }
    for (const address of ["203.0.113.7", "::ffff:10.0.0.2", "fe80::1", ""]) {
      expect(isPublicRender(request("GET", "/articles/12", { "x-gazette-snapshot": internalToken() }, address)), String(address)).toBe(true);
    }
  });
});

describe("downloads behind the gate", () => {
  it("wait for a turn like a page, and are answered 503 with Retry-After once the line is full", async () => {
    // As scripts/server.ts dispatches: what isPublicRender holds goes through the gate.
    const gate = new RenderGate({ concurrency: 1, maxQueue: 0 });
    const held: http.ServerResponse[] = [];
    const server = http.createServer((req, res) => {
      const render = () => void held.push(res);
      if (isPublicRender(req)) gate.admit(res, render);
      else render();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    rig = { gate, base: "", started: [], finish: () => {}, server };
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const first = get(base, "/articles/12/download?format=docx");
    await until(() => held.length === 1);
    const refused = await fetch(`${base}/articles/12/download?format=html`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(held).toHaveLength(1);
    held[0].end("file");
    expect((await first).body).toBe("file");
  });
});
