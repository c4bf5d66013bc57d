import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { poolConfigFromUrl } from "./connection";

/**
 * The driver adapter for the Prisma CLI (migrate) only — the app's client uses a plain one.
 *
 * Works around prisma/orm#27403 (https://github.com/prisma/prisma/issues/27403):
 * adapter-pg 6.19 cannot decode the catalog types `name` (oid 19), `name[]` (1003) and
 * `"char"` (18), which the schema engine reads when it introspects, so every migrate
 * command fails with "Column type 'name' could not be deserialized". Both are plain
 * text on the wire, so we relabel those result columns as text before Prisma looks.
 */
const RELABEL: Record<number, number> = {
  19: 25, // name -> text
  1003: 1009, // name[] -> text[]
  18: 1042, // "char" -> bpchar (character)
};

function relabel<T>(result: T): T {
  const fields = (result as { fields?: { dataTypeID: number }[] } | undefined)?.fields;
  if (fields) for (const field of fields) field.dataTypeID = RELABEL[field.dataTypeID] ?? field.dataTypeID;
  return result;
}

class RelabellingClient extends pg.Client {
  // pg's overloads are many: pg-pool calls with a callback, transactions without one.
  override query(...args: unknown[]): never {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, result: unknown) => last(err, err ? result : relabel(result));
    }
    const result = (pg.Client.prototype.query as (...a: unknown[]) => unknown).apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === "function") {
      return (result as Promise<unknown>).then(relabel) as never;
    }
    return result as never;
  }
}

class CliAdapterFactory extends PrismaPg {
  constructor(private readonly cfg: pg.PoolConfig) {
    super({ ...cfg, Client: RelabellingClient } as pg.PoolConfig);
  }

  override async connect() {
    return wholeScripts(await super.connect());
  }

  /**
   * adapter-pg 6.19 drops the shadow database while its own pool is still connected,
   * which fails; close the pool first, then drop with FORCE.
   */
  override async connectToShadowDb() {
    const database = `gazette_shadow_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new pg.Client(this.cfg);
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    const shadow = wholeScripts(
      await new PrismaPg({ ...this.cfg, database, Client: RelabellingClient } as pg.PoolConfig).connect(),
    );
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      const dropper = new pg.Client(this.cfg);
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await dropper.end();
    };
    return shadow;
  }
}

/**
 * adapter-pg runs a migration script by splitting it on ";", which breaks any
 * statement with a semicolon inside (a plpgsql function body). PostgreSQL's simple
 * query protocol runs a multi-statement script as it is, in one round trip.
 */
function wholeScripts<T extends { executeScript(script: string): Promise<void>; underlyingDriver(): unknown }>(adapter: T): T {
  adapter.executeScript = async (script: string) => {
    const pool = adapter.underlyingDriver() as pg.Pool;
    try {
      await pool.query(script);
    } catch (error) {
      const e = error as pg.DatabaseError;
      throw new DriverAdapterError({
        kind: "postgres",
        code: e.code ?? "N/A",
        severity: e.severity ?? "ERROR",
        message: e.message,
        detail: e.detail,
        column: e.column,
        hint: e.hint,
      });
    }
  };
  return adapter;
}

export function cliAdapter(databaseUrl: string) {
  return new CliAdapterFactory(poolConfigFromUrl(databaseUrl));
}
