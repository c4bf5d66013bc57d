import path from "node:path";
import { defineConfig } from "prisma/config";
import { cliAdapter } from "./lib/db/cli-adapter";

// Once a config file exists Prisma no longer reads .env, and without a URL the CLI
// silently falls back to its native engine (which cannot be downloaded here). The
// launcher (scripts/serve.ts) always sets DATABASE_URL; this default only keeps
// offline commands such as `prisma generate` and `prisma migrate diff` working.
const databaseUrl = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/gazette";
process.env.DATABASE_URL = databaseUrl;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => cliAdapter(databaseUrl),
});
