import { describe, expect, it } from "vitest";
import { assessColumns, daysBetween, VETO_THRESHOLDS, type ColumnFacts } from "./staleness";

const ZONE = "Asia/Shanghai";
const at = (iso: string) => new Date(iso);
let nextId = 1;
function column(over: Partial<ColumnFacts> = {}): ColumnFacts {
  const id = over.id ?? nextId++;
  return { id, name: `栏目${id}`, parentId: null, position: id, hidden: false, reportCategory: "NEWS", updateEveryDays: null, newestOwn: null, ...over };
}
const statusOf = (facts: ColumnFacts[], now: Date, id: number, zone = ZONE) => assessColumns(facts, now, zone).columns.find((c) => c.id === id)!;
const veto = (facts: ColumnFacts[], now: Date, key: string) => assessColumns(facts, now, ZONE).veto.find((v) => v.key === key)!;

describe("column staleness (calendar days in the site's zone)", () => {
  const updated = at("2026-11-23T10:00:00+08:00");

  it("a 政务动态 column is on time through the 14th day and overdue on the 15th", () => {
    const news = column({ newestOwn: updated });
    const on14 = statusOf([news], at("2026-12-07T23:59:59+08:00"), news.id);
    expect(on14).toMatchObject({ state: "ok", periodDays: 14, lastUpdated: "2026-11-23", deadline: "2026-12-07", lateDays: 0 });
    const on15 = statusOf([news], at("2026-12-08T00:00:00+08:00"), news.id);
    expect(on15).toMatchObject({ state: "overdue", lateDays: 1 });
  });

  it("counts days in the site's zone, not UTC: late at night in Beijing is already the next day", () => {
    // Published 23:30 on 11-23 in Beijing (15:30 UTC); now 00:10 on 12-08 in Beijing, still 12-07 in UTC.
    const news = column({ newestOwn: at("2026-11-23T23:30:00+08:00") });
    const now = at("2026-12-08T00:10:00+08:00");
    expect(statusOf([news], now, news.id, ZONE)).toMatchObject({ lastUpdated: "2026-11-23", state: "overdue", lateDays: 1 });
    expect(statusOf([news], now, news.id, "UTC")).toMatchObject({ lastUpdated: "2026-11-23", state: "ok" });
    expect(daysBetween(at("2026-11-23T23:30:00+08:00"), now, ZONE)).toBe(15);
  });

  it("uses the column's own period over its category's, and none for 概况类 or an uncategorised column", () => {
    const own = column({ updateEveryDays: 30, newestOwn: updated });
    const overview = column({ reportCategory: "OVERVIEW", newestOwn: at("2020-01-01T00:00:00+08:00") });
    const none = column({ reportCategory: null, newestOwn: at("2020-01-01T00:00:00+08:00") });
    const disclosure = column({ reportCategory: "DISCLOSURE", newestOwn: updated });
    const now = at("2026-12-20T12:00:00+08:00");
    const facts = [own, overview, none, disclosure];
    expect(statusOf(facts, now, own.id)).toMatchObject({ periodDays: 30, state: "ok", deadline: "2026-12-23" });
    expect(statusOf(facts, now, overview.id)).toMatchObject({ periodDays: null, state: "free", deadline: null });
    expect(statusOf(facts, now, none.id)).toMatchObject({ periodDays: null, state: "free" });
    expect(statusOf(facts, now, disclosure.id)).toMatchObject({ periodDays: 180, deadline: "2027-05-22", state: "ok" });
  });

  it("a parent is updated by its sub-columns' articles; hidden columns and those under them are not inspected", () => {
    const parent = column({ reportCategory: null });
    const child = column({ parentId: parent.id, newestOwn: updated });
    const hidden = column({ hidden: true });
    const underHidden = column({ parentId: hidden.id });
    const now = at("2026-11-30T12:00:00+08:00");
    const facts = [parent, child, hidden, underHidden];
    expect(statusOf(facts, now, parent.id)).toMatchObject({ lastUpdated: "2026-11-23", state: "free" });
    expect(statusOf(facts, now, child.id)).toMatchObject({ depth: 1, state: "ok" });
    expect(statusOf(facts, now, hidden.id).state).toBe("hidden");
    expect(statusOf(facts, now, underHidden.id).state).toBe("hidden");
    expect(veto(facts, now, "blank").current).toBe(0);
  });
});

describe("veto thresholds", () => {
  const now = at("2026-12-07T12:00:00+08:00");
  const old = at("2026-01-01T12:00:00+08:00");
  const fresh = at("2026-12-06T12:00:00+08:00");

  it("home page: fails after 14 days without a new public article, not at 14", () => {
    const at14 = [column({ newestOwn: at("2026-11-23T08:00:00+08:00") })];
    expect(veto(at14, now, "home")).toMatchObject({ current: 14, threshold: VETO_THRESHOLDS.home, failed: false, close: true });
    const at15 = [column({ newestOwn: at("2026-11-22T20:00:00+08:00") })];
    expect(veto(at15, now, "home")).toMatchObject({ current: 15, failed: true });
    expect(veto([column()], now, "home")).toMatchObject({ current: null, failed: true });
  });

  it("key columns: 政务动态 overdue plus first-level 信息公开目录 overdue, failing at 5", () => {
    const four = [
      ...Array.from({ length: 3 }, () => column({ newestOwn: old })),
      column({ reportCategory: "DISCLOSURE", newestOwn: at("2025-01-01T12:00:00+08:00") }),
      column({ newestOwn: fresh }),
    ];
    expect(veto(four, now, "keyColumns")).toMatchObject({ current: 4, threshold: 5, failed: false, close: true });
    // A second-level 信息公开目录 column does not count for this item (it does for the next).
    const parent = column({ reportCategory: null, newestOwn: fresh });
    const secondLevel = column({ parentId: parent.id, reportCategory: "DISCLOSURE", newestOwn: at("2025-01-01T12:00:00+08:00") });
    expect(veto([...four, parent, secondLevel], now, "keyColumns").current).toBe(4);
    expect(veto([...four, parent, secondLevel], now, "shouldUpdate").current).toBe(5);
    // A 政务动态 column that never had an article is not updated either.
    expect(veto([...four, column()], now, "keyColumns")).toMatchObject({ current: 5, failed: true });
  });

  it("columns that should be updated: any column with a period, failing at 10", () => {
    const nine = Array.from({ length: 9 }, () => column({ reportCategory: "TOPIC", updateEveryDays: 30, newestOwn: old }));
    expect(veto(nine, now, "shouldUpdate")).toMatchObject({ current: 9, threshold: 10, failed: false });
    expect(veto([...nine, column({ reportCategory: "INTERPRETATION", updateEveryDays: 90, newestOwn: old })], now, "shouldUpdate")).toMatchObject({ current: 10, failed: true });
  });

  it("blank columns: visible with no public article below them, failing at 5", () => {
    const blanks = Array.from({ length: 4 }, () => column({ reportCategory: "OVERVIEW" }));
    expect(veto(blanks, now, "blank")).toMatchObject({ current: 4, failed: false, close: true });
    const more = [...blanks, column({ reportCategory: null })];
    const item = veto(more, now, "blank");
    expect(item).toMatchObject({ current: 5, threshold: 5, failed: true });
    expect(item.columnIds).toEqual(more.map((c) => c.id));
  });
});
