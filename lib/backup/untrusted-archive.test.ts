import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { adminUrlOf, setupTestDatabase } from "@/test/db";
import { createColumn } from "@/test/factories";
import { membersOf, tarGz, type TarMember } from "@/test/tar";
import { db, disconnectDb } from "@/lib/db/client";
import { APP_ROLE } from "@/lib/db/roles";
import { createBackup, restoreBackup, type SitePaths } from "./archive";
import { connect } from "./dump";

/**
 * A backup archive is input from outside: whoever hands the administrator a file, or
 * swaps one on the backup disk, must not get a file onto the public media folder that
 * is not a plain file, nor a write outside the site, nor their own SQL run against the
 * database. Each archive here is a genuine backup with one crafted member; each is
 * refused before anything changes (a marker row added after the backup survives).
 */
const databaseUrl = setupTestDatabase();
let site: SitePaths;
let work: string;
let genuine: TarMember[];
let outside: string;

function sitePaths(extra: Partial<SitePaths> = {}): SitePaths {
  return { ...site, ...extra };
}

function write(name: string, members: TarMember[]): string {
  const file = path.join(work, `${name}.tar.gz`);
  fs.writeFileSync(file, tarGz(members));
  return file;
}

/** The genuine members without the checksum list (as an archive made before it existed). */
function unchecked(): TarMember[] {
  return genuine.filter((m) => m.name !== "gazette-backup/checksums.json" && m.name !== "gazette-backup/signature");
}

async function markerSurvives(): Promise<boolean> {
  await disconnectDb();
  return (await db().column.count({ where: { slug: "after-backup" } })) === 1;
}

async function tableExists(name: string): Promise<boolean> {
  const client = await connect(databaseUrl());
  try {
    return (await client.query("SELECT to_regclass($1) AS t", [`public."${name}"`])).rows[0].t !== null;
  } finally {
    await client.end();
  }
}

function mediaListing(): string[] {
  return fs.readdirSync(site.mediaDir, { recursive: true }).map(String).sort();
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "gazette-untrusted-"));
  outside = fs.mkdtempSync(path.join(os.tmpdir(), "gazette-outside-"));
  site = {
    // Backup and restore run as the administrator (npm run backup / restore do the same).
    databaseUrl: adminUrlOf(databaseUrl()),
    appRole: APP_ROLE,
    mediaDir: process.env.MEDIA_DIR!,
    secretFile: path.join(work, "nextauth-secret"),
    secretFromEnv: false,
    migrationsDir: path.join(process.cwd(), "prisma", "migrations"),
  };
  await createColumn();
  fs.mkdirSync(path.join(site.mediaDir, "2026", "12"), { recursive: true });
  fs.writeFileSync(path.join(site.mediaDir, "2026", "12", "photo.jpg"), crypto.randomBytes(2000));
  fs.writeFileSync(path.join(site.mediaDir, "notice.pdf"), "%PDF-1.4 test");
  await disconnectDb();
  const archive = path.join(work, "genuine.tar.gz");
  await createBackup(site, archive);
  const unpacked = path.join(work, "genuine");
  fs.mkdirSync(unpacked);
  expect(spawnSync("tar", ["-xzf", archive, "-C", unpacked]).status).toBe(0);
  genuine = membersOf(path.join(unpacked, "gazette-backup"), "gazette-backup");
  // Added after the backup: a restore that went ahead would remove it.
  await db().column.create({ data: { name: "备份之后", slug: "after-backup" } });
  await disconnectDb();
}, 120_000);

describe("restore refuses archive members that are not plain files or folders, or that point outside", () => {
  const cases: { title: string; members: () => TarMember[]; error: RegExp }[] = [
    {
      title: "a symbolic link (to the server's environment)",
      members: () => [...genuine, { name: "gazette-backup/media/leak.txt", type: "symlink", linkname: "/proc/self/environ" }],
      error: /refused.*gazette-backup\/media\/leak\.txt.*symbolic link/,
    },
    {
      title: "a hard link",
      members: () => [...genuine, { name: "gazette-backup/media/hard.txt", type: "hardlink", linkname: "/etc/passwd" }],
      error: /refused.*gazette-backup\/media\/hard\.txt.*hard link/,
    },
    {
      title: "a character device",
      members: () => [...genuine, { name: "gazette-backup/media/null", type: "char" }],
      error: /refused.*gazette-backup\/media\/null.*device/,
    },
    {
      title: "a fifo",
      members: () => [...genuine, { name: "gazette-backup/media/pipe", type: "fifo" }],
      error: /refused.*gazette-backup\/media\/pipe.*named pipe/,
    },
    {
      title: "a ../ path",
      members: () => [...genuine, { name: `gazette-backup/media/../../${path.basename(outside)}/escaped.txt`, type: "file", body: "x" }],
      error: /refused.*escaped\.txt.*outside/,
    },
    {
      title: "an absolute path",
      members: () => [...genuine, { name: path.join(outside, "absolute.txt"), type: "file", body: "x" }],
      error: /refused.*absolute\.txt.*outside/,
    },
    {
      title: "a file under a folder that is a symbolic link",
      members: () => [
        ...genuine,
        { name: "gazette-backup/media/dir", type: "symlink", linkname: outside },
        { name: "gazette-backup/media/dir/planted.txt", type: "file", body: "planted" },
      ],
      error: /refused.*gazette-backup\/media\/dir.*symbolic link/,
    },
  ];

  for (const c of cases) {
    it(`${c.title}, and changes nothing`, async () => {
      const media = mediaListing();
      await expect(restoreBackup(site, write(c.title.replace(/\W+/g, "-"), c.members()), { force: true })).rejects.toThrow(c.error);
      expect(await markerSurvives()).toBe(true);
      expect(mediaListing()).toEqual(media);
      expect(fs.readdirSync(outside)).toEqual([]);
      expect(fs.existsSync(path.join(path.dirname(outside), "escaped.txt"))).toBe(false);
    });
  }
});

describe("restore runs only the migrations this version ships", () => {
  it("refuses an archive from a newer version with a clear message, and changes nothing", async () => {
    const future = "29991231000000_from_a_newer_version";
    const members = unchecked().map((m) => {
      if (m.name !== "gazette-backup/db/manifest.json") return m;
      const manifest = JSON.parse(String(m.body));
      manifest.migrations.push(future);
      return { ...m, body: JSON.stringify(manifest) };
    });
    members.push({ name: `gazette-backup/db/schema/${future}/migration.sql`, type: "file", body: 'CREATE TABLE "FromTheFuture" (x int);' });
    await expect(restoreBackup(site, write("newer", members), { force: true })).rejects.toThrow(
      new RegExp(`newer version of Gazette.*${future}`),
    );
    expect(await markerSurvives()).toBe(true);
    expect(await tableExists("FromTheFuture")).toBe(false);
  });

  it("replays the shipped SQL, not the archive's copy of it", async () => {
    const init = fs.readdirSync(site.migrationsDir).sort()[0];
    const members = unchecked().filter((m) => !m.name.startsWith("gazette-backup/db/schema/"));
    members.push({
      name: `gazette-backup/db/schema/${init}/migration.sql`,
      type: "file",
      body: fs.readFileSync(path.join(site.migrationsDir, init, "migration.sql"), "utf8") + '\nCREATE TABLE "Planted" (x int);\n',
    });
    await restoreBackup(site, write("altered-migration", members), { force: true });
    expect(await tableExists("Planted")).toBe(false);
    expect(await markerSurvives()).toBe(false); // the restore did go ahead
    await db().column.create({ data: { name: "备份之后", slug: "after-backup" } });
    await disconnectDb();
  }, 60_000);
});

describe("signed archives (BACKUP_KEY)", () => {
  const key = "backup-key-kept-outside-the-archive-0123456789";

  it("a signed archive restores with the same key", async () => {
    const archive = path.join(work, "signed.tar.gz");
    await createBackup(sitePaths({ backupKey: key }), archive);
    const logs: string[] = [];
    await restoreBackup(sitePaths({ backupKey: key }), archive, { force: true, log: (m) => logs.push(m) });
    expect(logs.join("\n")).toMatch(/signature verified/);
    expect(await markerSurvives()).toBe(true); // it was in this backup
  }, 60_000);

  it("refuses an unsigned archive when BACKUP_KEY is set, unless told to trust it", async () => {
    const archive = write("unsigned", genuine);
    await expect(restoreBackup(sitePaths({ backupKey: key }), archive, { force: true })).rejects.toThrow(/not signed.*--trust-unsigned/);
    expect(await markerSurvives()).toBe(true);
    const logs: string[] = [];
    await restoreBackup(sitePaths({ backupKey: key }), archive, { force: true, trustUnsigned: true, log: (m) => logs.push(m) });
    expect(logs.join("\n")).toMatch(/not signed.*trusted/);
    await db().column.create({ data: { name: "备份之后", slug: "after-backup" } });
    await disconnectDb();
  }, 60_000);

  it("refuses an archive signed with another key, or altered after signing", async () => {
    const archive = path.join(work, "other-key.tar.gz");
    await createBackup(sitePaths({ backupKey: "another-key-another-key-another-key-0000" }), archive);
    await expect(restoreBackup(sitePaths({ backupKey: key }), archive, { force: true })).rejects.toThrow(/signature does not match/);

    // Signed with the right key, then a media file swapped (its checksum no longer matches).
    const signed = path.join(work, "signed-then-altered");
    await createBackup(sitePaths({ backupKey: key }), `${signed}.tar.gz`);
    fs.mkdirSync(signed);
    spawnSync("tar", ["-xzf", `${signed}.tar.gz`, "-C", signed]);
    const members = membersOf(path.join(signed, "gazette-backup"), "gazette-backup").map((m) =>
      m.name === "gazette-backup/media/notice.pdf" ? { ...m, body: "swapped" } : m,
    );
    await expect(restoreBackup(sitePaths({ backupKey: key }), write("altered", members), { force: true })).rejects.toThrow(/damaged.*media\/notice\.pdf/);
    expect(await markerSurvives()).toBe(true);
  }, 60_000);
});

describe("a backup holds only files and folders", () => {
  it("refuses a media folder holding a symbolic link, with a clear message, and leaves no archive", async () => {
    const link = path.join(site.mediaDir, "2026", "leak.txt");
    fs.symlinkSync("/etc/passwd", link);
    try {
      const archive = path.join(work, "with-link.tar.gz");
      await expect(createBackup(site, archive)).rejects.toThrow(/leak\.txt is not a regular file or folder \(a link\?\)/);
      expect(fs.existsSync(archive)).toBe(false);
    } finally {
      fs.rmSync(link);
    }
  }, 60_000);
});
