import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { poolConfigFromUrl } from "./connection";
import { startEmbeddedPostgres } from "./embedded";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "gazette-embedded-"));
fs.chmodSync(root, 0o755);
const dir = path.join(root, "postgres");
const port = 58100 + Math.floor(Math.random() * 500);
const options = { dir, port, database: "gazette", settings: { fsync: "off" }, log: () => {} };

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function query(url: string, sql: string) {
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Alive and not a zombie (in a container nobody may reap the orphan once it exits). */
function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

function pidFile() {
  return path.join(dir, "postmaster.pid");
}

describe("embedded PostgreSQL", () => {
  it("keeps its data across restarts", async () => {
    const first = await startEmbeddedPostgres(options);
    await query(first.adminUrl, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
    await first.stop();
    expect(fs.existsSync(pidFile())).toBe(false);

    const second = await startEmbeddedPostgres(options);
    expect((await query(second.adminUrl, "SELECT v FROM kept")).rows).toEqual([{ v: 42 }]);
    await second.stop();
  }, 60_000);

  it("gives the app a login role of its own, with no powers beyond what it is granted, on a new and on an older cluster", async () => {
    const role = `SELECT current_user AS name, rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = current_user`;
    const server = await startEmbeddedPostgres(options);
    try {
      expect((await query(server.url, role)).rows).toEqual([{ name: "gazette", rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolreplication: false, rolbypassrls: false }]);
      expect((await query(server.adminUrl, role)).rows[0]).toMatchObject({ name: "postgres", rolsuper: true });
      expect(fs.statSync(path.join(root, ".gazette-db-password")).mode & 0o777).toBe(0o600);
      // A cluster from before the app had its own role (or one someone widened): put right on the next start.
      await query(server.adminUrl, "ALTER ROLE gazette SUPERUSER CREATEDB PASSWORD 'changed'");
    } finally {
      await server.stop();
    }
    const again = await startEmbeddedPostgres(options);
    try {
      expect((await query(again.url, role)).rows[0]).toMatchObject({ name: "gazette", rolsuper: false, rolcreatedb: false });
      await query(again.adminUrl, "DROP ROLE gazette");
    } finally {
      await again.stop();
    }
    const third = await startEmbeddedPostgres(options);
    expect((await query(third.url, role)).rows[0]).toMatchObject({ name: "gazette", rolsuper: false });
    await third.stop();
  }, 90_000);

  it("starts despite a stale pid file left by a crash", async () => {
    fs.writeFileSync(pidFile(), `999999\n${dir}\n0\n${port}\n`);
    const server = await startEmbeddedPostgres(options);
    expect((await query(server.url, "SELECT 1 AS ok")).rows).toEqual([{ ok: 1 }]);
    await server.stop();
  }, 60_000);

  it("moves to a free port when its own is taken by something else", async () => {
    const squatter = net.createServer().listen(port, "127.0.0.1");
    await new Promise((r) => squatter.once("listening", r));
    try {
      const server = await startEmbeddedPostgres(options);
      expect(server.port).not.toBe(port);
      expect((await query(server.url, "SELECT 1 AS ok")).rows).toEqual([{ ok: 1 }]);
      await server.stop();
    } finally {
      squatter.close();
    }
  }, 60_000);

  it("adopts the server a kill -9'd Gazette left behind, and stops it", async () => {
    // A separate Node process starts the cluster and is then killed without a chance to clean up.
    const script = `
      import { startEmbeddedPostgres } from ${JSON.stringify(path.join(process.cwd(), "lib/db/embedded.ts"))};
      const h = await startEmbeddedPostgres(${JSON.stringify(options).replace('"log":', '"_":')});
      console.log("READY");
      setInterval(() => {}, 1000);
    `;
    const scriptFile = path.join(process.cwd(), `.embedded-crash-${process.pid}.mts`);
    fs.writeFileSync(scriptFile, script);
    try {
      const child = spawn(path.join("node_modules", ".bin", "tsx"), [scriptFile], { stdio: ["ignore", "pipe", "inherit"] });
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on("data", (d) => String(d).includes("READY") && resolve());
        child.once("exit", () => reject(new Error("child exited before the server was ready")));
      });
      const orphanPid = Number(fs.readFileSync(pidFile(), "utf8").split("\n")[0]);
      // Kill the Node process that owns postgres (tsx runs the script in a child of its own).
      const stat = fs.readFileSync(`/proc/${orphanPid}/stat`, "utf8");
      const ownerPid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      process.kill(ownerPid, "SIGKILL");
      child.kill("SIGKILL");
      await new Promise((r) => setTimeout(r, 300));
      expect(isRunning(orphanPid)).toBe(true); // postgres outlived its parent

      const adopted = await startEmbeddedPostgres(options);
      expect(Number(fs.readFileSync(pidFile(), "utf8").split("\n")[0])).toBe(orphanPid);
      expect((await query(adopted.adminUrl, "SELECT v FROM kept")).rows).toEqual([{ v: 42 }]);
      await adopted.stop();
      expect(isRunning(orphanPid)).toBe(false);
      expect(fs.existsSync(pidFile())).toBe(false);
    } finally {
      fs.rmSync(scriptFile, { force: true });
    }
  }, 90_000);
});
