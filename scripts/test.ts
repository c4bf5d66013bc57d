/**
 * npm test: type check, lint, unit + integration tests (Vitest, real embedded
 * PostgreSQL), then the end-to-end journeys (Playwright, Debian's Chromium).
 * Runs every stage even when one fails, prints a summary, exits non-zero on any failure.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

interface Stage {
  name: string;
  command: string[];
  count?: () => { passed: number; failed: number } | null;
  /** The failing tests' names and first lines, repeated in the summary: CI keeps only the tail of the output. */
  failures?: () => string[];
}

interface VitestReport {
  testResults: { name: string; status: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}
interface PlaywrightSuite {
  specs?: { title: string; file: string; line: number; tests: { projectName: string; status: string; results: { error?: { message?: string } }[] }[] }[];
  suites?: PlaywrightSuite[];
}
interface PlaywrightReport {
  suites: PlaywrightSuite[];
}

// The reports' messages may carry terminal colours.
const firstLine = (text = "") => text.replace(/\u001b\[[0-9;]*m/g, "").trim().split("\n")[0].slice(0, 300);

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
    failures: () => {
      const r = readJson("test-results/vitest.json") as VitestReport | null;
      return (r?.testResults ?? []).flatMap((file) => {
        const failed = file.assertionResults.filter((t) => t.status === "failed");
        const where = path.relative(process.cwd(), file.name);
        // A file that failed outside any test (an import, a hook) has no failing assertion but a message.
        if (!failed.length) return file.status === "failed" ? [`${where}: ${firstLine(file.message)}`] : [];
        return failed.map((t) => `${where} › ${t.fullName}: ${firstLine(t.failureMessages[0])}`);
      });
    },
  },
  {
    name: "e2e",
    command: [bin("playwright"), "test"],
    count: () => {
      const r = readJson("test-results/e2e.json") as { stats: { expected: number; unexpected: number; flaky: number } } | null;
      return r ? { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected } : null;
    },
    failures: () => {
      const r = readJson("test-results/e2e.json") as PlaywrightReport | null;
      const lines: string[] = [];
      const walk = (suite: PlaywrightSuite) => {
        for (const spec of suite.specs ?? [])
          for (const test of spec.tests)
            if (test.status === "unexpected") {
              const error = test.results.at(-1)?.error?.message;
              lines.push(`[${test.projectName}] ${spec.file}:${spec.line} › ${spec.title}: ${firstLine(error)}`);
            }
        for (const child of suite.suites ?? []) walk(child);
      };
      for (const suite of r?.suites ?? []) walk(suite);
      return lines;
    },
  },
];

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const summary: string[] = [];
const failures: string[] = [];
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
  if (!ok) failures.push(...(stage.failures?.() ?? []).map((line) => `  ${stage.name}: ${line}`));
}
if (failures.length) console.log(`\nfailed:\n${failures.join("\n")}`);
console.log(`\n${summary.join("\n")}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
