import fs from "node:fs";
import http from "node:http";

/** Resident memory of rootPid and its descendants, without the database's processes; `only` narrows to processes whose name starts with it. */
export function descendantRss(rootPid: number, only?: string): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      (children.get(ppid) ?? children.set(ppid, []).get(ppid)!).push(Number(entry));
    } catch {}
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      const name = /^Name:\s+(\S+)/m.exec(status)?.[1] ?? "";
      if (!name.startsWith("postgres") && (!only || name.startsWith(only))) total += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0) * 1024;
    } catch {}
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

const oneConnection = new http.Agent({ keepAlive: true, maxSockets: 1 });

/**
 * One GET over a kept-alive connection, timed from sending to the last byte of the body.
 * node:http rather than fetch: in Node.js 20, fetch alone adds about 1 ms at p50 and 3 ms
 * at p95 to every request (measured against a page the server answers from memory in
 * 0.2 ms), time that is the client's, not the server's.
 */
export function timedGet(url: string): Promise<{ status: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    http
      .get(url, { agent: oneConnection }, (response) => {
        response.on("data", () => {});
        response.on("end", () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

/**
 * What the in-process benches (bench:search, bench:scale) share: `--rounds` checked (a
 * whole number from 1 to 1000, else the process stops with a message), and the database
 * they read — DATABASE_URL when set, else the embedded one under DATA_DIR (./data-bench).
 */
export function inProcessBenchSetup(roundsOption: string): { rounds: number; external: boolean } {
  const rounds = Number(roundsOption);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 1000) {
    console.error(`--rounds must be a whole number from 1 to 1000 (got "${roundsOption}")`);
    process.exit(2);
  }
  const external = Boolean(process.env.DATABASE_URL);
  if (!external) process.env.DATA_DIR ||= "data-bench";
  return { rounds, external };
}
