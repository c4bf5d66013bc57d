import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { adminUrlOf, setupTestDatabase } from "@/test/db";
import { db, disconnectDb } from "@/lib/db/client";
import { APP_ROLE } from "@/lib/db/roles";
import { seed } from "@/lib/seed/seed";
import { createBackup, restoreBackup, type SitePaths } from "./archive";
import { connect, ident } from "./dump";

/**
 * Round trip: a site with articles, revisions, media files and audit entries is backed
 * up, wiped (schema dropped, media deleted), restored, and compared row by row and
 * file by file. The restored schema still has its triggers and sequences.
 */
const databaseUrl = setupTestDatabase();
let site: SitePaths;
let work: string;

async function snapshot() {
  const client = await connect(databaseUrl());
  try {
    const tables = (await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).rows.map((r) => r.tablename as string);
    const data: Record<string, string[]> = {};
    for (const table of tables) {
      data[table] = (await client.query(`SELECT row_to_json(t)::text AS j FROM ${ident(table)} t ORDER BY 1`)).rows.map((r) => r.j as string);
    }
    const sequences = (await client.query("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1")).rows;
    return { data, sequences };
  } finally {
    await client.end();
  }
}

function mediaHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = crypto.createHash("sha256").update(fs.readFileSync(full)).digest("hex");
  }
  return out;
}

async function wipe() {
  await disconnectDb();
  const client = await connect(adminUrlOf(databaseUrl()));
  await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
  await client.end();
  fs.rmSync(site.mediaDir, { recursive: true, force: true });
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "gazette-backup-test-"));
  site = {
    // Backup and restore run as the administrator (npm run backup / restore do the same).
    databaseUrl: adminUrlOf(databaseUrl()),
    appRole: APP_ROLE,
    mediaDir: process.env.MEDIA_DIR!,
    secretFile: path.join(work, "nextauth-secret"),
    secretFromEnv: false,
    migrationsDir: path.join(process.cwd(), "prisma", "migrations"),
  };
  fs.writeFileSync(site.secretFile, "backed-up-secret-backed-up-secret-0123456789\n", { mode: 0o600 });
  await seed(() => {});
  await db().auditEntry.create({ data: { action: "test.entry", actorLabel: "备份测试", detail: { 说明: "中文与 \"引号\" 与 \\ 反斜杠" } } });
  await disconnectDb();
}, 120_000);

describe("backup and restore", () => {
  it("round-trips a site with articles and media", async () => {
    const before = await snapshot();
    const beforeMedia = mediaHashes(site.mediaDir);
    expect(before.data.Article.length).toBeGreaterThanOrEqual(31);
    expect(Object.keys(beforeMedia).length).toBeGreaterThan(10);

    const archive = path.join(work, "site.tar.gz");
    const made = await createBackup(site, archive);
    expect(fs.statSync(archive).mode & 0o777).toBe(0o600);
    expect(made.secret).toBe(true);

    await wipe();
    fs.rmSync(site.secretFile);
    expect((await snapshot()).data).toEqual({});

    await restoreBackup(site, archive, { force: false });
    const after = await snapshot();
    expect(after.data).toEqual(before.data);
    expect(after.sequences).toEqual(before.sequences);
    expect(mediaHashes(site.mediaDir)).toEqual(beforeMedia);
    expect(fs.readFileSync(site.secretFile, "utf8")).toContain("backed-up-secret");
    expect(fs.statSync(site.secretFile).mode & 0o777).toBe(0o600);

    // The schema came back whole: the audit log is still append-only and still not the app's, ids continue after the restored ones.
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "test.entry" } });
    await expect(db().auditEntry.update({ where: { id: entry.id }, data: { action: "changed" } })).rejects.toThrow();
    await expect(db().$executeRawUnsafe(`ALTER TABLE "AuditEntry" DISABLE TRIGGER ALL`)).rejects.toThrow(/owner/);
    await expect(db().$executeRawUnsafe(`TRUNCATE "AuditEntry"`)).rejects.toThrow();
    await db().auditEntry.create({ data: { action: "test.after-restore" } });
    const column = await db().column.create({ data: { name: "新栏目", slug: "after-restore" } });
    expect(column.id).toBeGreaterThan(Math.max(...before.data.Column.map((j) => JSON.parse(j).id)));
    await disconnectDb();
  }, 120_000);

  it("refuses to overwrite a site that is not empty unless forced, and keeps the old media aside", async () => {
    const archive = path.join(work, "again.tar.gz");
    await createBackup(site, archive);
    await expect(restoreBackup(site, archive, { force: false })).rejects.toThrow(/not empty/);
    fs.writeFileSync(path.join(site.mediaDir, "stray.txt"), "x");
    const restored = await restoreBackup(site, archive, { force: true });
    expect(restored.manifest.tables.length).toBeGreaterThan(5);
    expect(fs.existsSync(path.join(site.mediaDir, "stray.txt"))).toBe(false);
    const aside = fs.readdirSync(path.dirname(site.mediaDir)).filter((n) => n.startsWith(`${path.basename(site.mediaDir)}.before-restore-`));
    expect(aside).toHaveLength(1);
  }, 120_000);

  it("refuses a damaged archive before touching anything", async () => {
    const archive = path.join(work, "damaged.tar.gz");
    await createBackup(site, archive);
    const unpacked = path.join(work, "unpacked");
    fs.mkdirSync(unpacked);
    const { spawnSync } = await import("node:child_process");
    spawnSync("tar", ["-xzf", archive, "-C", unpacked]);
    const data = path.join(unpacked, "gazette-backup", "db", "data", "Article.ndjson");
    fs.appendFileSync(data, '{"id": 999999}\n');
    spawnSync("tar", ["-czf", archive, "-C", unpacked, "gazette-backup"]);
    const before = await snapshot();
    await expect(restoreBackup(site, archive, { force: true })).rejects.toThrow(/damaged/);
    expect((await snapshot()).data).toEqual(before.data);
  }, 120_000);
});
