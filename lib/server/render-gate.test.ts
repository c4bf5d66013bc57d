import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { RenderGate } from "./render-gate";


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

/** Waits for the gate to reach a state; by the clock, not by a count of ticks, which a busy machine stretches. */
async function until(condition: () => boolean): Promise<void> {
  for (const started = Date.now(); !condition() && Date.now() - started < 10_000; ) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
}

describe("the render gate", () => {
  it("lets `concurrency` renders run at once and starts the waiting ones in arrival order", async () => {
    const { gate, base, started, finish } = await startRig(2, 10);
    // One after the other: two connections opened at once may reach the server in either order.
    const answers = [get(base, "/a")];
    await until(() => started.length === 1);
    answers.push(get(base, "/b"));
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
