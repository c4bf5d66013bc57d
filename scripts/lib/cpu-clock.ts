import fs from "node:fs";
import { dataDirPath } from "./runtime";

/**
 * CPU milliseconds used so far by this process and by the embedded PostgreSQL's
 * processes (from /proc), for the in-process benchmarks: on a busy shared machine the
 * wall clock mostly measures the queue for the CPU, the CPU time what a request costs.
 * Undefined with an external database (DATABASE_URL given before the runtime started: its processes are not ours to read) or off Linux.
 * Call it once the connections exist: only the database's processes alive then are counted.
 */
export function cpuClock(external: boolean): (() => number) | undefined {
  if (external || process.platform !== "linux") return undefined;
  // The client backends alive now: the pool's connections. Background work (checkpoints,
  // autovacuum) is not a request's, and parallel query workers, which come and go, are
  // not counted (the wall clock shows what they cost).
  const children = postgresProcesses().filter(isClientBackend);
  // A process's last reading is kept: one that exits is then neither lost nor negative.
  const last = new Map<string, number>();
  const runMs = (pid: string) => {
    try {
      last.set(pid, Number(fs.readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[0]) / 1e6);
    } catch {} // gone meanwhile
    return last.get(pid) ?? 0;
  };
  return () => {
    let ms = 0;
    for (const pid of children) ms += runMs(pid);
    const usage = process.cpuUsage();
    return ms + (usage.user + usage.system) / 1000;
  };
}

/** A backend serving a connection ("postgres: user database 127.0.0.1(port) …"), not the server's own work. */
function isClientBackend(pid: string): boolean {
  try {
    return /\(\d+\)/.test(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8"));
  } catch {
    return false;
  }
}

/** The embedded PostgreSQL's postmaster and its children (backends, checkpointer, …), as /proc ids. */
export function postgresProcesses(): string[] {
  const postmaster = fs.readFileSync(dataDirPath("postgres", "postmaster.pid"), "utf8").split("\n")[0];
  const children = fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ")[1] === postmaster;
      } catch {
        return false; // gone meanwhile
      }
    });
  return [postmaster, ...children];
}

/**
 * The memory the embedded PostgreSQL holds, in bytes: the proportional set size (Pss) of
 * its processes, so that the shared buffers every backend maps are counted once.
 */
export function postgresMemory(): number {
  let bytes = 0;
  for (const pid of postgresProcesses()) {
    try {
      bytes += Number(/^Pss:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] ?? 0) * 1024;
    } catch {} // gone meanwhile
  }
  return bytes;
}
