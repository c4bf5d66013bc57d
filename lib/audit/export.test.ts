import { describe, expect, it } from "vitest";
import { auditCsvFileName } from "./export";

describe("audit CSV file name", () => {
  it("is stamped in the site's time zone, like the times inside the file", () => {
    // 17:30 UTC on 7 December is 01:30 on 8 December in Beijing.
    expect(auditCsvFileName(new Date("2026-12-07T17:30:00Z"))).toBe("audit-log-202612080130.csv");
  });
});
