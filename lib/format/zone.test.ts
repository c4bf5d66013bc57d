import { describe, expect, it } from "vitest";
import { fromLocalInput, toLocalInput, zoneLabel, zoneOffset } from "./zone";

describe("display time zone", () => {
  it("knows Shanghai is UTC+8", () => {
    expect(zoneOffset(new Date("2026-11-29T00:00:00Z"), "Asia/Shanghai")).toBe("+08:00");
  });
  it("reads a datetime-local value as wall time in the zone", () => {
    expect(fromLocalInput("2026-11-29T10:30", "+08:00").toISOString()).toBe("2026-11-29T02:30:00.000Z");
    // With seconds (an input with a step under a minute), and across midnight into the previous UTC day.
    expect(fromLocalInput("2026-11-29T10:30:15", "+08:00").toISOString()).toBe("2026-11-29T02:30:15.000Z");
    expect(fromLocalInput("2026-11-29T07:00", "+08:00").toISOString()).toBe("2026-11-28T23:00:00.000Z");
    expect(Number.isNaN(fromLocalInput("", "+08:00").getTime())).toBe(true);
  });
});

describe("time fields in the display zone", () => {
  it("shows a stored instant as the zone's wall time, and back", () => {
    expect(toLocalInput("2026-11-28T23:00:00.000Z", "+08:00")).toBe("2026-11-29T07:00");
    expect(fromLocalInput(toLocalInput("2026-12-08T01:30:00.000Z", "+08:00"), "+08:00").toISOString()).toBe("2026-12-08T01:30:00.000Z");
    expect(toLocalInput(null, "+08:00")).toBe("");
  });
  it("names the zone a time field uses", () => {
    expect(zoneLabel("+08:00")).toBe("北京时间");
    expect(zoneLabel("-05:00")).toBe("UTC-05:00");
  });
});
