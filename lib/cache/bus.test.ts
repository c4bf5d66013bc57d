import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolConfigFromUrl } from "@/lib/db/connection";
import { setupTestDatabase } from "@/test/db";
import { INSTANCE_ID, announce, listenForChanges, type ChangeMessage } from "./bus";

const databaseUrl = setupTestDatabase();
let sql: pg.Client;

beforeAll(async () => {
  sql = new pg.Client(poolConfigFromUrl(databaseUrl()));
  await sql.connect();
});
afterAll(() => sql.end());

async function until(condition: () => Promise<boolean> | boolean, what: string) {
  for (const started = Date.now(); !(await condition()); ) {
    if (Date.now() - started > 15_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const listenerBackends = async () =>
  (await sql.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN gazette_refresh' AND pid <> pg_backend_pid()`)).rows.map(
    (r) => r.pid as number,
  );

describe("changes between instances (LISTEN/NOTIFY)", () => {
  it("reaches every listener, the announcing instance's own included, and says when it was cut off", async () => {
    const heard: ChangeMessage[] = [];
    let reconnects = 0;
    const stop = listenForChanges({ databaseUrl: databaseUrl(), onChange: (m) => heard.push(m), onReconnect: () => reconnects++, retryMs: 50 });
    try {
      await until(async () => (await listenerBackends()).length === 1, "the listener");
      const whole = { paths: ["/|layout"], tags: ["settings"] };
      await announce({ paths: ["/articles/1"], tags: ["article:1"] }, whole);
      await sql.query(`SELECT pg_notify('gazette_refresh', $1)`, [JSON.stringify({ origin: "another-instance", paths: ["/"], tags: [] })]);
      // Not a change: ignored.
      await sql.query(`SELECT pg_notify('gazette_refresh', '{"origin":1}')`);
      await until(() => heard.length === 2, "both changes");
      expect(heard).toEqual([
        { origin: INSTANCE_ID, paths: ["/articles/1"], tags: ["article:1"] },
        { origin: "another-instance", paths: ["/"], tags: [] },
      ]);

      // Too long for a notification (8,000 bytes): announced as everything instead.
      const many = Array.from({ length: 2000 }, (_, i) => `/articles/${i + 1}`);
      await announce({ paths: many, tags: [] }, whole);
      await until(() => heard.length === 3, "the long change");
      expect(heard[2]).toEqual({ origin: INSTANCE_ID, ...whole });

      // Cut off: what was announced meanwhile is lost, and the listener says so once back.
      await sql.query(`SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid`, [await listenerBackends()]);
      await until(() => reconnects === 1, "the reconnection");
      await until(async () => (await listenerBackends()).length === 1, "the listener again");
      await announce({ paths: ["/articles/4"], tags: [] }, whole);
      await until(() => heard.length === 4, "a change after reconnecting");
      expect(heard[3].paths).toEqual(["/articles/4"]);
    } finally {
      await stop();
    }
  });
});
