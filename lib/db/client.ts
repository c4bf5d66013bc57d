import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { poolConfigFromUrl } from "./connection";

export { Prisma } from "@/generated/prisma/client";
export type * from "@/generated/prisma/client";

const globalForPrisma = globalThis as unknown as { gazettePrisma?: PrismaClient };

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Gazette with `npm start`, which provides the database.");
  const adapter = new PrismaPg({ ...poolConfigFromUrl(url), max: Number(process.env.DB_POOL_SIZE ?? 10) });
  return new PrismaClient({ adapter });
}

/**
 * The Prisma client, created on first use: `next build` imports page modules
 * without a database, and tests point DATABASE_URL at their own.
 */
export function db(): PrismaClient {
  globalForPrisma.gazettePrisma ??= createClient();
  return globalForPrisma.gazettePrisma;
}

export async function disconnectDb() {
  await globalForPrisma.gazettePrisma?.$disconnect();
  globalForPrisma.gazettePrisma = undefined;
}
