import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatDate, formatDateTime } from "./date";

describe("date formatting", () => {
  it("shows Asia/Shanghai time to the second", () => {
    expect(formatDateTime(new Date("2023-07-30T10:04:25Z"))).toBe("2023-07-30 18:04:25");
  });
  it("crosses midnight in the display zone, not in UTC", () => {
    expect(formatDate(new Date("2023-07-30T17:00:00Z"))).toBe("2023-07-31");
  });
  it("leaves calendar dates unshifted", () => {
    expect(formatCalendarDate(new Date("2023-05-02T00:00:00Z"))).toBe("2023-05-02");
  });
});
