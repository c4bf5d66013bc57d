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

/** Listens for other instances' refreshes, reconnecting after a database outage. */
export function startRefreshListener(): void {
  if (listening || !process.env.DATABASE_URL) return;
  listening = true;
  let delay = 1000;
  const connect = async () => {
    const client = new pg.Client(poolConfigFromUrl(process.env.DATABASE_URL!));
    const retry = () => {
      client.removeAllListeners();
      client.end().catch(() => {});
      setTimeout(connect, delay).unref();
      delay = Math.min(delay * 2, 30_000);
    };
    client.on("error", retry);
    client.on("notification", (note) => {
      const message = parse(note.payload);
      if (!message || message.origin === INSTANCE_ID) return;
      callSelf("/api/internal/refresh", { paths: message.paths, tags: message.tags }).catch((error) =>
        console.warn("[cache] could not apply a refresh from another instance:", (error as Error).message),
      );
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      delay = 1000;
    } catch {
      retry();
    }
  };
  void connect();
}

function parse(payload: string | undefined): RefreshMessage | null {
  try {
    const value = JSON.parse(payload ?? "");
    if (typeof value?.origin === "string" && Array.isArray(value.paths) && Array.isArray(value.tags)) return value;
  } catch {}
  return null;
}
