import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import { pool } from "./pool";

/**
 * node-postgres directly, for the few statements on the public site's hot paths (an
 * article page's first render, every view). Prisma's client engine costs about 2 ms a
 * query over the round trip itself (engineType "client": 2.3 ms for a one-row
 * findUnique, 0.14 ms through pg), and an article page makes several. Everything
 * else — every write an editor makes — goes through Prisma (lib/db/client.ts). Both
 * use the process's one pool (lib/db/pool.ts).
 *
 * Statements are Prisma.sql templates, so values are always parameters. Timestamps
 * come back as Prisma returns them: `timestamp` columns hold UTC (Prisma's DateTime),
 * `date` columns a UTC midnight, whatever the server's time zone. Pass dates in as
 * ISO strings (`${date.toISOString()}::timestamp`), never as Date objects: pg would
 * send them in the server's local time. These parsers are given per query, not to the
 * pool: the pool's other users parse their own way (adapter-pg passes its own per query).
 */
const TIMESTAMP = 1114;
const DATE = 1082;

const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    if (oid === DATE) return (value: string) => new Date(`${value}T00:00:00Z`);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** The rows of a read-only statement on the public site's hot paths. */
export async function sqlRows<T>(query: Prisma.Sql): Promise<T[]> {
  const { rows } = await pool().query({ name: statementName(query.text), text: query.text, values: query.values, types });
  return rows as T[];
}

/**
 * These statements are prepared by name, once per connection: PostgreSQL then parses
 * each once, and after a few calls plans it once for all parameters instead of at
 * every call. Planning was most of their database time (about 2 ms per uncached
 * article page, against 1 ms of execution): named, an uncached article page renders
 * 2 ms faster at p50 (npm run bench, paired runs). They are a handful of fixed shapes;
 * past MAX_NAMED distinct texts the rest stay unnamed, so that a statement built with
 * a varying text could never pile up prepared statements on a connection.
 * DB_PREPARED_STATEMENTS=false turns names off, for a connection pooler in transaction
 * mode that cannot keep them (PgBouncer before 1.21).
 *
 * A name is made from the text, not counted: the pool's connections are shared by the two
 * copies of this module one process loads (lib/db/pool.ts), and a connection refuses a
 * name it has prepared for another text.
 */
const MAX_NAMED = 64;
const statementNames = new Map<string, string>();

export function statementName(text: string): string | undefined {
  if (process.env.DB_PREPARED_STATEMENTS === "false") return undefined;
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_NAMED) statementNames.set(text, (name = `gazette_read_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`));
  return name;
}
