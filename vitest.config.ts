import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // Server modules import "server-only" to keep them out of client bundles; in tests they run on the server anyway.
      "server-only": path.resolve(__dirname, "test/empty-module.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", "e2e/**", "data/**", ".next*/**"],
    environment: "node",
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default is one fork less than the cores: one fork on a 2-core CI runner,
    // where the integration tests spend much of their time waiting on PostgreSQL.
    maxWorkers: Math.max(2, os.availableParallelism()),
  },
});
