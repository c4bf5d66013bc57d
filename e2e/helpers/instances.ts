import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { E2E_PORT } from "./ports";

/** What scripts/e2e-instance.ts wrote for a line of journeys: its instance's database, data folder, build and secret. */
export interface E2eRuntime {
  databaseUrl: string;
  dataDir: string;
  distDir: string;
  secret: string;
}

/** The port of the instance the running journey's line uses (outside a test: line A's). */
function linePort(): number {
  let baseURL: string | undefined;
  try {
    baseURL = test.info().project.use.baseURL;
  } catch {
    // Not inside a test (a spec's top level): line A.
  }
  return baseURL ? Number(new URL(baseURL).port) : E2E_PORT;
}

export function e2eRuntime(): E2eRuntime {
  return JSON.parse(fs.readFileSync(path.join("test-results", `e2e-runtime-${linePort()}.json`), "utf8")) as E2eRuntime;
}

/** One statement on the running journey's database, as the app's role. */
export async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const url = new URL(e2eRuntime().databaseUrl);
  const client = new pg.Client({ host: url.hostname, port: Number(url.port), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password), database: url.pathname.slice(1) });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * A scheduled article's minute comes now instead of in real minutes: its schedule is moved
 * to a second ago (stored as UTC without zone), and the heartbeat publishes it.
 */
export async function makeScheduleDue(articleId: number): Promise<void> {
  await sql(`UPDATE "Article" SET "scheduledAt" = (now() AT TIME ZONE 'UTC') - interval '1 second' WHERE id = $1`, [articleId]);
}

/**
 * A second instance, B, on A's database and data folder: the built server as `npm start`
 * runs it, without the scheduler (only A publishes in the journeys). Resolves once it answers.
 */
export async function startSecondInstance(port: number): Promise<{ url: string; stop: () => void }> {
  const runtime = e2eRuntime();
  const child = spawn(process.execPath, [path.join(runtime.distDir, "gazette-server.mjs")], {
    env: {
      ...process.env,
      DATABASE_URL: runtime.databaseUrl,
      DATA_DIR: runtime.dataDir,
      NEXT_DIST_DIR: runtime.distDir,
      NEXTAUTH_SECRET: runtime.secret,
      PORT: String(port),
      HOSTNAME_BIND: "127.0.0.1",
      NODE_ENV: "production",
      GAZETTE_SCHEDULER: "off",
    },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  await expect.poll(async () => (await fetch(`${url}/api/health`).catch(() => null))?.status ?? 0, { timeout: 60_000 }).toBe(200);
  return { url, stop: () => void child.kill("SIGTERM") };
}
