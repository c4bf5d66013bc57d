import pg from "pg";
import { poolConfigFromUrl } from "./connection";

/**
 * The one node-postgres pool of a process, on DATABASE_URL, with DB_POOL_SIZE
 * connections (10 by default): everything the app asks of the database goes through it
 * — Prisma (lib/db/client.ts hands it to adapter-pg), the public site's hot reads
 * (sqlRows, lib/db/sql.ts) and the view counter (lib/views/record.ts). DB_POOL_SIZE is
 * then what README says, the connections of one instance; the only other one is the
 * change notifications' LISTEN connection (lib/cache/bus.ts), which a pool cannot lend.
 *
 * This module must not load the Prisma client: the app server bundles the view counter,
 * which uses it (lib/views/record.ts).
 *
 * Its connections are named "gazette" (application_name) in pg_stat_activity.
 */
export const APPLICATION_NAME = "gazette";

interface PoolState {
  url: string;
  pool: pg.Pool;
}

/**
 * Kept on globalThis, not in this module: one process loads this module twice — the app
 * server's bundle (scripts/server.ts, the view counter) and Next.js's bundle (everything
 * else) are two copies of the code — and both copies must share one pool, or there would
 * be two budgets. The Prisma client is kept the same way, for the same reason (lib/db/client.ts).
 */
const shared = globalThis as unknown as { gazettePool?: PoolState };

/**
 * The pool, made on first use (`next build` imports page modules without a database).
 * A new DATABASE_URL (the tests give each file its own database) gets a new pool, and the
 * old one is ended.
 */
export function pool(): pg.Pool {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Gazette with `npm start`, which provides the database.");
  const current = shared.gazettePool;
  if (current?.url === url) return current.pool;
  if (current) void current.pool.end().catch(() => {});
  const created = new pg.Pool({ ...poolConfigFromUrl(url), max: poolSize(), application_name: APPLICATION_NAME });
  // An idle connection the database drops (a restart) is not the process's problem.
  created.on("error", () => {});
  shared.gazettePool = { url, pool: created };
  return created;
}

/** DB_POOL_SIZE, or 10 when unset or not a positive whole number. */
export function poolSize(): number {
  const size = Number(process.env.DB_POOL_SIZE ?? 10);
  return Number.isInteger(size) && size > 0 ? size : 10;
}

/** Ends the pool, if there is one; the next pool() makes a new one. */
export async function endPool(): Promise<void> {
  const current = shared.gazettePool;
  shared.gazettePool = undefined;
  await current?.pool.end().catch(() => {});
}
