import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { endPool, pool } from "./pool";

export { Prisma } from "@/generated/prisma/client";
export type * from "@/generated/prisma/client";

/**
 * On globalThis, as Prisma documents for Next.js: one process loads this module more than
 * once (the app server's bundle and Next.js's), and each copy must not make a client of its own.
 */
const globalForPrisma = globalThis as unknown as { gazettePrisma?: { client: PrismaClient; pool: pg.Pool } };

/**
 * The Prisma client, created on first use: `next build` imports page modules
 * without a database, and tests point DATABASE_URL at their own. It queries through the
 * process's one pool (lib/db/pool.ts), shared with the public site's reads and the view
 * counter; a new pool (a new DATABASE_URL) gets a new client. adapter-pg parses each
 * query's results with its own type parsers, whatever the pool's.
 */
export function db(): PrismaClient {
  const current = pool();
  const cached = globalForPrisma.gazettePrisma;
  if (cached?.pool === current) return cached.client;
  if (cached) void cached.client.$disconnect().catch(() => {});
  const client = new PrismaClient({ adapter: new PrismaPg(current) });
  globalForPrisma.gazettePrisma = { client, pool: current };
  return client;
}

/** Disconnects Prisma and ends the pool (adapter-pg leaves a pool it was given open). */
export async function disconnectDb() {
  await globalForPrisma.gazettePrisma?.client.$disconnect();
  globalForPrisma.gazettePrisma = undefined;
  await endPool();
}
