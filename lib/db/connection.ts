import type { PoolConfig } from "pg";

/**
 * Discrete connection settings parsed from a postgres:// URL.
 * adapter-pg is given these rather than `connectionString`, because node-postgres
 * lets a connection string override `database` — which silently turns Prisma's
 * shadow database into the main one (see STACK.md).
 */
export function poolConfigFromUrl(url: string): PoolConfig {
  const parsed = new URL(url);
  const sslmode = parsed.searchParams.get("sslmode");
  return {
    host: decodeURIComponent(parsed.hostname) || "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres",
    ssl: sslmode && sslmode !== "disable" ? { rejectUnauthorized: sslmode === "verify-full" } : undefined,
  };
}
