import { describe, expect, it } from "vitest";
import { bucketOf, bucketsBetween, isCalendarDay, monthsBetween, siteYear, startOfSiteDay, sumIntoBuckets, todayInSiteZone } from "./period";

describe("days of the site's time zone (Asia/Shanghai)", () => {
  it("puts 23:59:59 Beijing time on 31 December in the old year, and midnight in the new", () => {
    expect(todayInSiteZone(new Date("2026-12-31T15:59:59.999Z"))).toBe("2026-12-31");
    expect(todayInSiteZone(new Date("2026-12-31T16:00:00.000Z"))).toBe("2027-01-01");
    // Early morning in Beijing is still the day before in UTC.
    expect(todayInSiteZone(new Date("2026-06-14T16:30:00Z"))).toBe("2026-06-15");
  });

  it("starts a year at midnight Beijing time", () => {
    expect(siteYear(2027)).toEqual({ start: new Date("2026-12-31T16:00:00Z"), end: new Date("2027-12-31T16:00:00Z") });
    expect(startOfSiteDay("2026-03-01")).toEqual(new Date("2026-02-28T16:00:00Z"));
  });

  it("knows a real day from a malformed or impossible one", () => {
    expect(isCalendarDay("2028-02-29")).toBe(true);
    expect(isCalendarDay("2026-02-29")).toBe(false);
    expect(isCalendarDay("2026-2-1")).toBe(false);
    expect(isCalendarDay("2026-13-01")).toBe(false);
  });
});

describe("buckets", () => {
  it("starts weeks on Monday and names months YYYY-MM", () => {
    // 2026-12-31 is a Thursday; 2027-01-03 a Sunday; 2027-01-04 a Monday.
    expect(bucketOf("2026-12-31", "week")).toBe("2026-12-28");
    expect(bucketOf("2027-01-03", "week")).toBe("2026-12-28");
    expect(bucketOf("2027-01-04", "week")).toBe("2027-01-04");
    expect(bucketOf("2026-12-31", "month")).toBe("2026-12");
    expect(bucketOf("2026-12-31", "day")).toBe("2026-12-31");
  });

  it("lists every bucket of a range across the year boundary", () => {
    expect(bucketsBetween("2026-12-30", "2027-01-02", "day")).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
    expect(bucketsBetween("2026-12-20", "2027-01-05", "week")).toEqual(["2026-12-14", "2026-12-21", "2026-12-28", "2027-01-04"]);
    expect(monthsBetween("2026-11-15", "2027-02-01")).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
  });

  it("sums days into buckets, with zeros for quiet ones and nothing from outside the range", () => {
    const rows = [
      { day: "2026-12-29", views: 5 },
      { day: "2026-12-31", views: 7 },
      { day: "2027-01-02", views: 1 },
      { day: "2027-02-01", views: 100 },
    ];
    expect(sumIntoBuckets(rows, "2026-12-29", "2027-01-31", "month")).toEqual([
      { bucket: "2026-12", views: 12 },
      { bucket: "2027-01", views: 1 },
    ]);
    expect(sumIntoBuckets(rows, "2026-12-29", "2027-01-01", "day")).toEqual([
      { bucket: "2026-12-29", views: 5 },
      { bucket: "2026-12-30", views: 0 },
      { bucket: "2026-12-31", views: 7 },
      { bucket: "2027-01-01", views: 0 },
    ]);
  });
});
