import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolConfigFromUrl } from "@/lib/db/connection";
import { internalToken } from "@/lib/internal/token";
import { setupTestDatabase } from "@/test/db";
import { INSTANCE_ID, startRefreshListener } from "./bus";
import { EVERYTHING } from "./refresh";

const databaseUrl = setupTestDatabase();

/** This instance, as the listener reaches it: the refreshes it is asked to apply. */
const applied: { paths: string[]; tags: string[] }[] = [];
const instance = http.createServer((req, res) => {
  let body = "";
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => {
    if (req.url === "/api/internal/refresh" && req.headers["x-gazette-internal"] === internalToken()) applied.push(JSON.parse(body));
    res.end("{}");
  });
});
let sql: pg.Client;
const previousPort = process.env.PORT;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "bus-test-secret-0123456789abcdef0123456789abcdef";
  await new Promise<void>((resolve) => instance.listen(0, "127.0.0.1", resolve));
  process.env.PORT = String((instance.address() as AddressInfo).port);
  sql = new pg.Client(poolConfigFromUrl(databaseUrl()));
  await sql.connect();
});

afterAll(async () => {
  await sql.end();
  instance.close();
  process.env.PORT = previousPort;
});

async function until(condition: () => Promise<boolean> | boolean, what: string) {
  for (const started = Date.now(); !(await condition()); ) {
    if (Date.now() - started > 15_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const listenerBackends = async () =>
  (await sql.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN gazette_refresh' AND pid <> pg_backend_pid()`)).rows.map(
    (r) => r.pid as number,
  );
const notify = (origin: string, paths: string[], tags: string[]) =>
  sql.query(`SELECT pg_notify('gazette_refresh', $1)`, [JSON.stringify({ origin, paths, tags })]);

describe("refreshes between instances", () => {
  it("applies other instances' refreshes, not its own, and everything after losing the database", async () => {
    const stop = startRefreshListener();
    try {
      await until(async () => (await listenerBackends()).length === 1, "the listener");
      await notify(INSTANCE_ID, ["/articles/1"], []);
      await notify("another-instance", ["/articles/2", "/"], ["column:3"]);
      await until(() => applied.length > 0, "the refresh");
      expect(applied).toEqual([{ paths: ["/articles/2", "/"], tags: ["column:3"] }]);

      // Cut off: whatever was announced meanwhile is lost, so it refreshes everything once back.
      await sql.query(`SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid`, [await listenerBackends()]);
      await until(() => applied.length > 1, "the refresh after reconnecting");
      expect(applied[1]).toEqual({ paths: EVERYTHING.paths, tags: EVERYTHING.tags });
      await until(async () => (await listenerBackends()).length === 1, "the listener again");
      await notify("another-instance", ["/articles/4"], []);
      await until(() => applied.length > 2, "a refresh after reconnecting");
      expect(applied.slice(2)).toEqual([{ paths: ["/articles/4"], tags: [] }]);
    } finally {
      await stop();
    }
  });
});
