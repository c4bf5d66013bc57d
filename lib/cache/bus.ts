import crypto from "node:crypto";
import pg from "pg";
import { poolConfigFromUrl } from "@/lib/db/connection";
import { db } from "@/lib/db/client";
import type { Change } from "./page-cache";

/**
 * How a change reaches every instance: PostgreSQL LISTEN/NOTIFY on one channel. The
 * instance that made the change hears it too, like the others, so there is one path
 * for all of them (lib/cache/refresh.ts announces, scripts/server.ts listens).
 */
const CHANNEL = "gazette_refresh";
/** PostgreSQL refuses a payload of 8,000 bytes or more. */
const MAX_PAYLOAD = 7_900;

export interface ChangeMessage extends Change {
  /** The instance that made the change (process-wide: the server and Next.js's bundle share it). */
  origin: string;
}

// One id per process, whichever of the two bundles (the server's, Next.js's) loads first.
export const INSTANCE_ID = (process.env.GAZETTE_INSTANCE_ID ||= crypto.randomUUID());

/** Tells every instance; too long a change becomes "everything" (`whole`). */
export async function announce(change: Change, whole: Change): Promise<void> {
  let payload = JSON.stringify({ origin: INSTANCE_ID, paths: change.paths, tags: change.tags } satisfies ChangeMessage);
  if (Buffer.byteLength(payload) > MAX_PAYLOAD) payload = JSON.stringify({ origin: INSTANCE_ID, paths: whole.paths, tags: whole.tags } satisfies ChangeMessage);
  await db().$executeRaw`SELECT pg_notify(${CHANNEL}, ${payload})`;
}

export interface ListenOptions {
  databaseUrl: string;
  /** Called for every change announced by any instance, this one included. */
  onChange: (message: ChangeMessage) => void;
  /**
   * Called once the listener is back after losing the database: whatever was announced
   * meanwhile never reached it.
   */
  onReconnect: () => void;
  /** First wait before reconnecting (doubles up to 30 s). */
  retryMs?: number;
}

/**
 * Listens on its own connection (LISTEN holds one), reconnecting after an outage.
 * Returns a stop function.
 */
export function listenForChanges({ databaseUrl, onChange, onReconnect, retryMs = 1000 }: ListenOptions): () => Promise<void> {
  let delay = retryMs;
  let client: pg.Client | null = null;
  let stopped = false;
  let connections = 0;
  const connect = async () => {
    if (stopped) return;
    const current = new pg.Client(poolConfigFromUrl(databaseUrl));
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
      if (message) onChange(message);
    });
    try {
      await current.connect();
      await current.query(`LISTEN ${CHANNEL}`);
      delay = retryMs;
    } catch {
      return retry();
    }
    if (connections++ > 0) onReconnect();
  };
  void connect();
  return async () => {
    stopped = true;
    client?.removeAllListeners();
    await client?.end().catch(() => {});
  };
}

function parse(payload: string | undefined): ChangeMessage | null {
  try {
    const value = JSON.parse(payload ?? "");
    const strings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === "string");
    if (typeof value?.origin === "string" && strings(value.paths) && strings(value.tags)) return value;
  } catch {}
  return null;
}
