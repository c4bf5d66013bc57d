import { describe, expect, it } from "vitest";
import { CSV_BOM, csvCell, csvRow } from "./csv";

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["中文，逗号", "中文，逗号"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["", ""],
    [null, ""],
    [undefined, ""],
    [42, "42"],
  ])("%j → %s", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ["=HYPERLINK(\"http://evil\",\"点我\")", `"'=HYPERLINK(""http://evil"",""点我"")"`],
    ["+1+2", "'+1+2"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", `"'\r=1"`],
    ["a=1", "a=1"],
  ])("defuses a formula: %j → %s", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("writes dates as ISO 8601", () => {
    expect(csvCell(new Date("2026-11-29T01:02:03Z"))).toBe("2026-11-29T01:02:03.000Z");
  });
});

describe("csvRow", () => {
  it("joins cells with commas and ends with CRLF", () => {
    expect(csvRow(["时间", "操作人", "a,b"])).toBe('时间,操作人,"a,b"\r\n');
  });

  it("has the UTF-8 byte-order mark Excel needs", () => {
    expect(Buffer.from(CSV_BOM, "utf8")).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
