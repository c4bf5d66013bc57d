import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { tarGz, type TarMember } from "@/test/tar";
import { extractArchive } from "./tar-read";
import { ArchiveWriter } from "./tar-write";

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
    const [top, folder] = [fresh("top"), fresh("long-folder")];
    fs.writeFileSync(path.join(work, "backup.json"), "{}");
    const writer = new ArchiveWriter(archive, "gazette-backup");
    writer.add("gazette-backup/", top);
    writer.add(`gazette-backup/media/${longName}/`, folder);
    writer.add(`gazette-backup/media/${longName}/${longName}.bin`, source);
    writer.add("gazette-backup/backup.json", path.join(work, "backup.json"));
    expect(Object.fromEntries(await writer.hashes())).toEqual({ [`media/${longName}/${longName}.bin`]: sha(body), "backup.json": sha("{}") });
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

describe("what node-tar parses, Gazette's policy judges", () => {
  const manifest = { name: "gazette-backup/db/manifest.json", type: "file" as const, body: "{}" };
  const cases: { title: string; members: TarMember[]; error: RegExp }[] = [
    { title: "a contiguous file", members: [{ name: "gazette-backup/media/c.bin", type: "contiguous", body: "x" }], error: /refused.*c\.bin.*contiguous file/ },
    { title: "a type node-tar does not know", members: [{ name: "gazette-backup/media/z.bin", type: "unknown", body: "x" }], error: /refused.*z\.bin.*type Gazette does not accept/ },
    { title: "a block device", members: [{ name: "gazette-backup/media/sda", type: "block" }], error: /refused.*sda.*block device/ },
    {
      title: "a .. hidden in a pax long name",
      members: [{ name: "gazette-backup/media/short.txt", type: "file", body: "x", pax: { path: `gazette-backup/media/../../${longName}.txt` } }],
      error: /refused.*\.\..*outside the backup/,
    },
    {
      title: "a symbolic link with a pax long name",
      members: [{ name: "gazette-backup/media/l", type: "symlink", linkname: "/etc/passwd", pax: { path: `gazette-backup/media/${longName}` } }],
      error: new RegExp(`refused.*${longName}.*symbolic link`),
    },
    { title: "an oversized extended header", members: [{ name: "gazette-backup/media/big.txt", type: "file", body: "x", pax: { comment: "y".repeat(70_000) } }], error: /oversized extended header/ },
    { title: "a backslash", members: [{ name: "gazette-backup/media/..\\..\\x.txt", type: "file", body: "x" }], error: /refused.*forbidden characters/ },
    {
      title: "a file under a member that is a file",
      members: [
        { name: "gazette-backup/media/a", type: "file", body: "x" },
        { name: "gazette-backup/media/a/b", type: "file", body: "y" },
      ],
      error: /refused.*media\/a\/b.*under a member that is a file/,
    },
  ];
  for (const c of cases) {
    it(`refuses ${c.title}, and writes nothing at all (the first pass only checks)`, async () => {
      const archive = path.join(work, `${c.title.replace(/\W+/g, "-")}.tar.gz`);
      // A valid file comes first: a one-pass reader would already have written it.
      fs.writeFileSync(archive, tarGz([{ name: "gazette-backup/", type: "dir" }, manifest, ...c.members]));
      const dest = fresh(c.title.replace(/\W+/g, "-"));
      await expect(extractArchive(archive, dest, "gazette-backup")).rejects.toThrow(c.error);
      expect(fs.readdirSync(dest)).toEqual([]);
    });
  }

  it("refuses an archive cut short, or whose header checksum is wrong", async () => {
    const whole = zlib.gunzipSync(tarGz([manifest, { name: "gazette-backup/media/photo.jpg", type: "file", body: crypto.randomBytes(5000) }]));
    const cut = path.join(work, "cut.tar.gz");
    fs.writeFileSync(cut, zlib.gzipSync(whole.subarray(0, 3000)));
    await expect(extractArchive(cut, fresh("cut"), "gazette-backup")).rejects.toThrow(/damaged/);
    const corrupt = Buffer.from(whole);
    corrupt[1024 + 10] ^= 1; // inside the second header's name
    const bad = path.join(work, "bad-checksum.tar.gz");
    fs.writeFileSync(bad, zlib.gzipSync(corrupt));
    await expect(extractArchive(bad, fresh("bad-checksum"), "gazette-backup")).rejects.toThrow(/damaged.*checksum/);
  });
});

describe("writing with node-tar", () => {
  it("stores hard-linked files whole (never as a link), with files mode 600 in the archive", async () => {
    const dir = fresh("hardlinks");
    fs.writeFileSync(path.join(dir, "a.jpg"), "same bytes");
    fs.linkSync(path.join(dir, "a.jpg"), path.join(dir, "b.jpg"));
    const archive = path.join(work, "hardlinks.tar.gz");
    const writer = new ArchiveWriter(archive, "gazette-backup");
    writer.add("gazette-backup/", dir);
    writer.add("gazette-backup/a.jpg", path.join(dir, "a.jpg"));
    writer.add("gazette-backup/b.jpg", path.join(dir, "b.jpg"));
    await writer.finish();
    const listed = spawnSync("tar", ["-tvzf", archive], { encoding: "utf8" });
    expect(listed.stdout.trim().split("\n").map((line) => line.slice(0, 10))).toEqual(["drwxr-xr-x", "-rw-------", "-rw-------"]);
    const hashes = await extractArchive(archive, fresh("hardlinks-out"), "gazette-backup");
    expect(Object.fromEntries(hashes)).toEqual({ "a.jpg": sha("same bytes"), "b.jpg": sha("same bytes") });
  });

  it("refuses to write a symbolic link (node-tar would store it as one)", async () => {
    const dir = fresh("with-link");
    fs.symlinkSync("/etc/passwd", path.join(dir, "leak.txt"));
    const writer = new ArchiveWriter(path.join(work, "with-link.tar.gz"), "gazette-backup");
    writer.add("gazette-backup/", dir);
    writer.add("gazette-backup/leak.txt", path.join(dir, "leak.txt"));
    await expect(writer.finish()).rejects.toThrow(/leak\.txt.*symbolic link/);
    await writer.abort();
  });
});
