import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** The README's production section: what an operator must set before the first reader comes. */
function productionSection(): string {
  const readme = fs.readFileSync(path.join(process.cwd(), "README.md"), "utf8");
  const start = readme.indexOf("## In production");
  expect(start, "README.md has a section “## In production”").toBeGreaterThanOrEqual(0);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe("README, production", () => {
  it("sets SITE_URL explicitly to an https address (the printout, QR code and Word file show it)", () => {
    expect(productionSection()).toMatch(/export SITE_URL=https:\/\/\S+/);
  });
});
