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
  /** Its JSON report, read once the stage ends. */
  report?: { file: string; read: (json: unknown) => StageReport };
}

/** A stage's counts, and its failing tests' names and first lines: repeated in the summary, since CI keeps only the tail of the output. */
interface StageReport {
  passed: number;
  failed: number;
  failures: string[];
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

function vitestReport(json: unknown): StageReport {
  const r = json as VitestReport & { numPassedTests: number; numFailedTests: number };
  const failures = r.testResults.flatMap((file) => {
    const failed = file.assertionResults.filter((t) => t.status === "failed");
    const where = path.relative(process.cwd(), file.name);
    // A file that failed outside any test (an import, a hook) has no failing assertion but a message.
    if (!failed.length) return file.status === "failed" ? [`${where}: ${firstLine(file.message)}`] : [];
    return failed.map((t) => `${where} › ${t.fullName}: ${firstLine(t.failureMessages[0])}`);
  });
  return { passed: r.numPassedTests, failed: r.numFailedTests, failures };
}

function playwrightReport(json: unknown): StageReport {
  const r = json as PlaywrightReport & { stats: { expected: number; unexpected: number; flaky: number } };
  const failures: string[] = [];
  const walk = (suite: PlaywrightSuite) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests)
        if (test.status === "unexpected") {
          const error = test.results.at(-1)?.error?.message;
          failures.push(`[${test.projectName}] ${spec.file}:${spec.line} › ${spec.title}: ${firstLine(error)}`);
        }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of r.suites) walk(suite);
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, failures };
}

const stages: Stage[] = [
  { name: "typecheck", command: [bin("tsc"), "--noEmit"] },
  { name: "lint", command: [bin("eslint"), ".", "--max-warnings=0"] },
  {
    name: "unit+integration",
    command: [bin("vitest"), "run", "--reporter=default", "--reporter=json", "--outputFile=test-results/vitest.json"],
    report: { file: "test-results/vitest.json", read: vitestReport },
  },
  // The Playwright config writes its JSON report to test-results/e2e.json.
  { name: "e2e", command: [bin("playwright"), "test"], report: { file: "test-results/e2e.json", read: playwrightReport } },
];

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const summary: string[] = [];
const failures: string[] = [];
for (const stage of stages) {
  if (only.length && !only.includes(stage.name)) continue;
  if (stage.report) fs.rmSync(stage.report.file, { force: true });
  console.log(`\n=== ${stage.name}: ${stage.command.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(stage.command[0], stage.command.slice(1), { stdio: "inherit", env: { ...process.env, FORCE_COLOR: "0" } });
  const exitedOk = result.status === 0;
  const json = stage.report ? readJson(stage.report.file) : null;
  // Type check and lint are gates, not tests: they add a failure when they fail, nothing when they pass.
  const report = json ? stage.report!.read(json) : { passed: 0, failed: exitedOk ? 0 : 1, failures: [] };
  // A stage that failed without a failing test (a crash, a server that did not start) still counts as a failure.
  if (!exitedOk && report.failed === 0) report.failed = 1;
  // And one whose report has a failing test failed, whatever its exit code said.
  const ok = exitedOk && report.failed === 0;
  passed += report.passed;
  failed += report.failed;
  summary.push(`${ok ? "ok  " : "FAIL"} ${stage.name} (${report.passed} passed, ${report.failed} failed, ${Math.round((Date.now() - started) / 1000)} s)`);
  if (!ok) failures.push(...report.failures.map((line) => `  ${stage.name}: ${line}`));
}
if (failures.length) console.log(`\nfailed:\n${failures.join("\n")}`);
console.log(`\n${summary.join("\n")}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
