/**
 * npm test: type check, lint, unit + integration tests (Vitest, real embedded
 * PostgreSQL), then the end-to-end journeys (Playwright, Debian's Chromium).
 * Runs every stage even when one fails, prints a summary, exits non-zero on any failure.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";

interface Stage {
  name: string;
  command: string[];
  count?: () => { passed: number; failed: number } | null;
}

const bin = (name: string) => `node_modules/.bin/${name}`;
fs.mkdirSync("test-results", { recursive: true });

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

const stages: Stage[] = [
  { name: "typecheck", command: [bin("tsc"), "--noEmit"] },
  { name: "lint", command: [bin("eslint"), ".", "--max-warnings=0"] },
  {
    name: "unit+integration",
    command: [bin("vitest"), "run", "--reporter=default", "--reporter=json", "--outputFile=test-results/vitest.json"],
    count: () => {
      const r = readJson("test-results/vitest.json") as { numPassedTests: number; numFailedTests: number } | null;
      return r ? { passed: r.numPassedTests, failed: r.numFailedTests } : null;
    },
  },
  {
    name: "e2e",
    command: [bin("playwright"), "test"],
    count: () => {
      const r = readJson("test-results/e2e.json") as { stats: { expected: number; unexpected: number; flaky: number } } | null;
      return r ? { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected } : null;
    },
  },
];

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const summary: string[] = [];
for (const stage of stages) {
  if (only.length && !only.includes(stage.name)) continue;
  fs.rmSync(`test-results/${stage.name === "e2e" ? "e2e" : "vitest"}.json`, { force: true });
  console.log(`\n=== ${stage.name}: ${stage.command.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(stage.command[0], stage.command.slice(1), { stdio: "inherit", env: { ...process.env, FORCE_COLOR: "0" } });
  const exitedOk = result.status === 0;
  // Type check and lint are gates, not tests: they add a failure when they fail, nothing when they pass.
  const counts = stage.count?.() ?? { passed: 0, failed: exitedOk ? 0 : 1 };
  // A stage that failed without a failing test (a crash, a server that did not start) still counts as a failure.
  if (!exitedOk && counts.failed === 0) counts.failed = 1;
  // And one whose report has a failing test failed, whatever its exit code said.
  const ok = exitedOk && counts.failed === 0;
  passed += counts.passed;
  failed += counts.failed;
  summary.push(`${ok ? "ok  " : "FAIL"} ${stage.name} (${counts.passed} passed, ${counts.failed} failed, ${Math.round((Date.now() - started) / 1000)} s)`);
}
console.log(`\n${summary.join("\n")}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
