/**
 * The embedded PostgreSQL's memory settings for EMBEDDED_PG_MEMORY_MB, the memory the
 * machine can give the database: a quarter for its own buffer cache (shared_buffers,
 * the usual starting point), and the planner told that three quarters may hold cached
 * data (effective_cache_size: the buffers and the kernel's page cache, which keeps the
 * rest). Sorts get a share per operation (work_mem; a query may use several, and
 * DB_POOL_SIZE connections run at once), vacuum and index builds a larger one.
 * Unset: PostgreSQL's defaults (128 MB of buffers), which suit a small site and tests.
 * docs/deploy.md ("Sizing") gives the figures for an 8 GB machine.
 */
export function embeddedMemorySettings(memoryMb: number): Record<string, string> {
  const mb = (n: number) => `${Math.floor(n)}MB`;
  return {
    shared_buffers: mb(memoryMb / 4),
    effective_cache_size: mb((memoryMb * 3) / 4),
    work_mem: mb(Math.min(64, Math.max(4, memoryMb / 256))),
    maintenance_work_mem: mb(Math.min(1024, Math.max(64, memoryMb / 16))),
  };
}

/** The settings for the EMBEDDED_PG_MEMORY_MB variable as given (undefined when unset); a bad value stops the start with a message naming it. */
export function embeddedMemoryFromEnv(value: string | undefined): Record<string, string> | undefined {
  if (!value) return undefined;
  const mb = Number(value);
  if (!Number.isInteger(mb) || mb < 256) throw new Error(`EMBEDDED_PG_MEMORY_MB must be a whole number of megabytes, at least 256 (got "${value}")`);
  return embeddedMemorySettings(mb);
}
