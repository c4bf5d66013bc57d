/**
 * npm run db:new-migration -- <name>
 *
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql: the difference between the
 * schema as of the latest migration (kept beside it as schema.prisma) and the current
 * prisma/schema.prisma. Prisma 6's JS schema engine cannot diff against a live
 * database or a migrations folder through a driver adapter, but it can diff two
 * schema files. Review the SQL, add what Prisma cannot express (triggers, indexes on
 * expressions), then start Gazette to apply it.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { prepareRuntime } from "./lib/runtime";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:new-migration -- <name>");
  process.exit(2);
}
const dir = path.join("prisma", "migrations");
const latest = fs
  .readdirSync(dir)
  .filter((d) => fs.existsSync(path.join(dir, d, "schema.prisma")))
  .sort()
  .at(-1);
if (!latest) throw new Error("no migration with a schema snapshot found");

// The JS schema engine connects even to diff two files: have a database up.
const runtime = await prepareRuntime();
const sql = execFileSync(
  process.execPath,
  [
    path.join("node_modules", "prisma", "build", "index.js"),
    "migrate",
    "diff",
    "--from-schema-datamodel",
    path.join(dir, latest, "schema.prisma"),
    "--to-schema-datamodel",
    path.join("prisma", "schema.prisma"),
    "--script",
  ],
  { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], env: process.env },
);
await runtime.stop();
if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
  console.log("The schema has not changed since the latest migration.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const target = path.join(dir, `${stamp}_${name}`);
fs.mkdirSync(target);
fs.writeFileSync(path.join(target, "migration.sql"), sql);
fs.copyFileSync(path.join("prisma", "schema.prisma"), path.join(target, "schema.prisma"));
console.log(`wrote ${target}/migration.sql`);
