import { describe, expect, it } from "vitest";
import { defaultReportYear, parseReportYear, parseStatisticsFilter, statisticsQuery } from "./filters";

// 00:30 on 1 January 2027 in Beijing: still 2026 in UTC.
const NEW_YEAR_NIGHT = new Date("2026-12-31T16:30:00Z");

describe("parseStatisticsFilter", () => {
  it("defaults to the last 30 days up to today in Beijing, by day", () => {
    const { filter, problems } = parseStatisticsFilter({}, NEW_YEAR_NIGHT);
    expect(filter).toEqual({ from: "2026-12-03", to: "2027-01-01", bucket: "day", columnId: null, articleId: null });
    expect(problems).toEqual([]);
  });

  it("keeps what is valid, says in Chinese what was not, and never fails", () => {
    const { filter, problems } = parseStatisticsFilter({ from: "2026-02-30", to: "2026-06-30", bucket: "hour", column: "abc", article: "12" }, NEW_YEAR_NIGHT);
    expect(filter).toEqual({ from: "2026-06-01", to: "2026-06-30", bucket: "day", columnId: null, articleId: 12 });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain("起始日期“2026-02-30”不是有效日期");
  });

  it("swaps a reversed range and cuts one that is too long", () => {
    expect(parseStatisticsFilter({ from: "2026-06-30", to: "2026-06-01" }).filter).toMatchObject({ from: "2026-06-01", to: "2026-06-30" });
    const long = parseStatisticsFilter({ from: "2000-01-01", to: "2026-06-01" });
    expect(long.filter.from).toBe("2016-05-25");
    expect(long.problems[0]).toContain("最长");
  });

  it("round-trips through its query string", () => {
    const { filter } = parseStatisticsFilter({ from: "2026-01-01", to: "2026-12-31", bucket: "month", column: "3" });
    const params = Object.fromEntries(new URLSearchParams(statisticsQuery(filter).slice(1)));
    expect(parseStatisticsFilter(params).filter).toEqual(filter);
  });
});

describe("the report year", () => {
  it("opens on last year during January (the report is due by 31 January) and on this year after", () => {
    expect(defaultReportYear(NEW_YEAR_NIGHT)).toBe(2026);
    expect(defaultReportYear(new Date("2027-01-31T15:59:59Z"))).toBe(2026);
    expect(defaultReportYear(new Date("2027-01-31T16:00:00Z"))).toBe(2027);
  });

  it("refuses a year in the future or malformed, saying so", () => {
    expect(parseReportYear("2026", NEW_YEAR_NIGHT)).toEqual({ year: 2026, problem: null });
    expect(parseReportYear("2027", NEW_YEAR_NIGHT)).toEqual({ year: 2027, problem: null });
    expect(parseReportYear("2028", NEW_YEAR_NIGHT).problem).toContain("无效");
    expect(parseReportYear("20x6", NEW_YEAR_NIGHT)).toMatchObject({ year: 2026 });
  });
});
