import crypto from "node:crypto";
import pg from "pg";
import { poolConfigFromUrl } from "@/lib/db/connection";
import { db } from "@/lib/db/client";
import { callSelf } from "@/lib/internal/token";

/**
 * Several app instances each keep their own page cache. After a change, the instance
 * that made it tells the others through PostgreSQL LISTEN/NOTIFY, and each of them
 * refreshes the same paths — no shared cache server, no waiting for expiry.
 */
const CHANNEL = "gazette_refresh";
export const INSTANCE_ID = crypto.randomUUID();

export interface RefreshMessage {
  origin: string;
  paths: string[];
  tags: string[];
}

export async function announce(paths: string[], tags: string[]): Promise<void> {
  const message: RefreshMessage = { origin: INSTANCE_ID, paths, tags };
  await db().$executeRaw`SELECT pg_notify(${CHANNEL}, ${JSON.stringify(message)})`;
}

let listening = false;

/**
 * Listens for other instances' refreshes, reconnecting after a database outage. After a
 * reconnection this instance refreshes everything it holds: what was announced while it
 * was cut off never reaches it. (At start it holds nothing older than itself: the page
 * cache ignores what was stored before, lib/security/csp-cache-handler.mjs.) Returns a
 * stop function, for tests: a server listens until it exits.
 */
export function startRefreshListener(): () => Promise<void> {
  if (listening || !process.env.DATABASE_URL) return async () => {};
  listening = true;
  let delay = 1000;
  let client: pg.Client | null = null;
  let stopped = false;
  let connections = 0;
  const connect = async () => {
    if (stopped) return;
    const current = new pg.Client(poolConfigFromUrl(process.env.DATABASE_URL!));
    client = current;
    const retry = () => {
      current.removeAllListeners();
      current.end().catch(() => {});
      if (stopped) return;
      setTimeout(connect, delay).unref();
      delay = Math.min(delay * 2, 30_000);
    };
    current.on("error", retry);
    current.on("notification", (note) => {
      const message = parse(note.payload);
      if (!message || message.origin === INSTANCE_ID) return;
      applyHere(message.paths, message.tags).catch((error) =>
        console.warn("[cache] could not apply a refresh from another instance:", (error as Error).message),
      );
    });
    try {
      await current.connect();
      await current.query(`LISTEN ${CHANNEL}`);
      delay = 1000;
    } catch {
      return retry();
    }
    if (connections++ === 0) return;
    const { EVERYTHING } = await import("./refresh");
    applyHere(EVERYTHING.paths, EVERYTHING.tags, 5).catch((error) =>
      console.warn("[cache] could not refresh after reconnecting:", (error as Error).message),
    );
  };
  void connect();
  return async () => {
    stopped = true;
    listening = false;
    client?.removeAllListeners();
    await client?.end().catch(() => {});
  };
}

/** Refreshes pages in this instance, through itself (revalidation needs a request). */
async function applyHere(paths: string[], tags: string[], attempts = 1): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await callSelf("/api/internal/refresh", { paths, tags });
      if (response.ok) return;
      throw new Error(`answered ${response.status}`);
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000).unref());
    }
  }
}

function parse(payload: string | undefined): RefreshMessage | null {
  try {
    const value = JSON.parse(payload ?? "");
    if (typeof value?.origin === "string" && Array.isArray(value.paths) && Array.isArray(value.tags)) return value;
  } catch {}
  return null;
}
