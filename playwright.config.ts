import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end journeys against a production build on its own port, data folder and
 * embedded database (scripts/e2e-server.ts), in Debian's Chromium.
 */
export const E2E_PORT = Number(process.env.E2E_PORT || 3210);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

/** Specs that change nothing (they log in and read pages): they run beside the journeys. */
const READ_ONLY_SPECS = ["**/admin-a11y.spec.ts", "**/public-a11y.spec.ts"];

const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // Two lines at once: the journeys one after another (they share the database and change
  // it), and beside them the read-only accessibility walks, which only look.
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  // Parallel runs on other ports (developers working side by side) keep their artifacts apart.
  outputDir: `test-results/playwright-${E2E_PORT}`,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: E2E_BASE_URL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: chromiumArgs },
  },
  projects: [
    { name: "journeys", testIgnore: READ_ONLY_SPECS, workers: 1, use: { ...devices["Desktop Chrome"], channel: undefined } },
    { name: "walks", testMatch: READ_ONLY_SPECS, workers: 1, use: { ...devices["Desktop Chrome"], channel: undefined } },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${E2E_BASE_URL}/api/health`,
    // A production build first: ~3 min on an idle 2-core machine, up to 9 on a busy one.
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: { E2E_PORT: String(E2E_PORT) },
  },
});
