import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { endPool, pool } from "./pool";

export { Prisma } from "@/generated/prisma/client";
export type * from "@/generated/prisma/client";

/**
 * One client per copy of this module. A process loads it twice — the app server's bundle
 * and Next.js's — and each copy needs a client of its own classes: Prisma tells its SQL
 * fragments and its errors apart with `instanceof`, so a client made by the other copy
 * would refuse this copy's Prisma.sql and throw errors this copy's `instanceof` checks
 * miss. The connections are shared all the same: both clients run on the process's one
 * pool (lib/db/pool.ts), so DB_POOL_SIZE stays the budget. (Reloads in development make
 * new clients on the same pool too.)
 */
let current: { client: PrismaClient; pool: pg.Pool } | undefined;

/**
 * The Prisma client, created on first use: `next build` imports page modules
 * without a database, and tests point DATABASE_URL at their own. It queries through the
 * process's one pool (lib/db/pool.ts), shared with the public site's reads and the view
 * counter; a new pool (a new DATABASE_URL) gets a new client. adapter-pg parses each
 * query's results with its own type parsers, whatever the pool's.
 */
export function db(): PrismaClient {
  const shared = pool();
  if (current?.pool === shared) return current.client;
  if (current) void current.client.$disconnect().catch(() => {});
  const client = new PrismaClient({ adapter: new PrismaPg(shared) });
  current = { client, pool: shared };
  return client;
}

/** Disconnects Prisma and ends the pool (adapter-pg leaves a pool it was given open). */
export async function disconnectDb() {
  await current?.client.$disconnect();
  current = undefined;
  await endPool();
}
