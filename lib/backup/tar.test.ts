import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tarGz } from "@/test/tar";
import { extractArchive } from "./tar-read";
import { TarWriter } from "./tar-write";

/** The archive format itself: what Gazette writes, GNU tar reads, and the other way round. */
const work = fs.mkdtempSync(path.join(os.tmpdir(), "gazette-tar-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const sha = (data: Buffer | string) => crypto.createHash("sha256").update(data).digest("hex");
const longName = `${"长".repeat(30)}-${"x".repeat(80)}`;

function fresh(name: string) {
  const dir = path.join(work, name);
  fs.mkdirSync(dir);
  return dir;
}

describe("backup archives", () => {
  it("round-trip long names (pax) and file contents, and GNU tar reads them", async () => {
    const source = path.join(work, "photo.bin");
    const body = crypto.randomBytes(300_000);
    fs.writeFileSync(source, body);
    const archive = path.join(work, "ours.tar.gz");
    const writer = new TarWriter(archive);
    await writer.directory("gazette-backup");
    await writer.directory(`gazette-backup/media/${longName}`);
    expect(await writer.file(`gazette-backup/media/${longName}/${longName}.bin`, source)).toBe(sha(body));
    expect(await writer.buffer("gazette-backup/backup.json", "{}")).toBe(sha("{}"));
    await writer.finish();
    expect(fs.statSync(archive).mode & 0o777).toBe(0o600);

    const hashes = await extractArchive(archive, fresh("ours"), "gazette-backup");
    expect(Object.fromEntries(hashes)).toEqual({ [`media/${longName}/${longName}.bin`]: sha(body), "backup.json": sha("{}") });
    const listed = spawnSync("tar", ["-tzf", archive], { encoding: "utf8" });
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain(`gazette-backup/media/${longName}/${longName}.bin`);
  });

  it("read what GNU tar writes (its own long-name headers)", async () => {
    const tree = fresh("gnu-source");
    fs.mkdirSync(path.join(tree, "gazette-backup", "media", longName), { recursive: true });
    fs.writeFileSync(path.join(tree, "gazette-backup", "media", longName, `${longName}.txt`), "hello");
    const archive = path.join(work, "gnu.tar.gz");
    expect(spawnSync("tar", ["--format=gnu", "-czf", archive, "-C", tree, "gazette-backup"]).status).toBe(0);
    const hashes = await extractArchive(archive, fresh("gnu"), "gazette-backup");
    expect(Object.fromEntries(hashes)).toEqual({ [`media/${longName}/${longName}.txt`]: sha("hello") });
  });

  it("refuse a member that appears twice, a member outside the backup's folder, and a file that is not gzip", async () => {
    const twice = path.join(work, "twice.tar.gz");
    fs.writeFileSync(twice, tarGz([
      { name: "gazette-backup/db/manifest.json", type: "file", body: "{}" },
      { name: "gazette-backup/db/manifest.json", type: "file", body: "{ }" },
    ]));
    await expect(extractArchive(twice, fresh("twice"), "gazette-backup")).rejects.toThrow(/refused.*twice/);
    const elsewhere = path.join(work, "elsewhere.tar.gz");
    fs.writeFileSync(elsewhere, tarGz([{ name: "other/file.txt", type: "file", body: "x" }]));
    await expect(extractArchive(elsewhere, fresh("elsewhere"), "gazette-backup")).rejects.toThrow(/refused.*outside the backup's folder/);
    const notGzip = path.join(work, "plain.txt");
    fs.writeFileSync(notGzip, "not an archive");
    await expect(extractArchive(notGzip, fresh("plain"), "gazette-backup")).rejects.toThrow(/damaged or is not a \.tar\.gz/);
  });
});
