import { defineConfig, devices } from "@playwright/test";

import { baseUrlOf, E2E_PORT, E2E_PORT_B } from "./e2e/helpers/ports";

/**
 * End-to-end journeys against a production build, in Debian's Chromium. Two instances,
 * each on its own port, data folder and embedded database (scripts/e2e-server.ts), serve
 * three lines at once: line A's journeys, line B's journeys, and beside them the
 * read-only accessibility walks. Journeys of one line run one after another (they share
 * its database and change it); the lines never see each other's data.
 */
export { E2E_PORT };
export const E2E_BASE_URL = baseUrlOf(E2E_PORT);

/** Specs that change nothing (they log in and read pages): they run beside the journeys, on A. */
const READ_ONLY_SPECS = ["**/admin-a11y.spec.ts", "**/admin-a11y-roles.spec.ts", "**/public-a11y.spec.ts"];
/**
 * Line B's journeys, chosen to balance the two lines' time. Journeys that start extra
 * instances on A's database or read A's files (scale-out, serving-copies,
 * site-governance) stay on A.
 */
const LINE_B_SPECS = [
  "**/review-publish.spec.ts", "**/policy-documents.spec.ts", "**/review-levels.spec.ts", "**/authoring-saving.spec.ts",
  "**/security-login.spec.ts", "**/messages-approval-form.spec.ts", "**/search.spec.ts", "**/foundation.spec.ts",
  "**/public-article.spec.ts", "**/authoring-keyboard.spec.ts", "**/health-check.spec.ts",
];

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
  workers: 3,
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
    // An action that waits on something which never comes fails in seconds, not at the test's timeout.
    actionTimeout: 20_000,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: chromiumArgs },
  },
  projects: [
    { name: "journeys", testIgnore: [...READ_ONLY_SPECS, ...LINE_B_SPECS], workers: 1, use: { ...devices["Desktop Chrome"], channel: undefined } },
    { name: "journeys-b", testMatch: LINE_B_SPECS, workers: 1, use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: baseUrlOf(E2E_PORT_B) } },
    // Read-only: a worker a line of journeys leaves free takes the next walk (the admin and public walks run their pages in parallel).
    { name: "walks", testMatch: READ_ONLY_SPECS, use: { ...devices["Desktop Chrome"], channel: undefined } },
  ],
  globalSetup: "./e2e/global-setup.ts",
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    // Instance B starts beside A; the global setup waits for it too.
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
