import { describe, expect, it } from "vitest";
import { nextDay, parseSearchParams, searchHref, startOfDay } from "./params";

describe("parseSearchParams", () => {
  it("reads a full search", () => {
    expect(parseSearchParams({ q: " 生态 ", column: "ecology-news", from: "2023-01-01", to: "2023-12-31", sort: "date", page: "3" })).toEqual({
      q: "生态",
      column: "ecology-news",
      from: "2023-01-01",
      to: "2023-12-31",
      sort: "date",
      page: 3,
      ignored: [],
    });
  });

  it("ignores what it cannot use, and says so", () => {
    const request = parseSearchParams({ q: "外贸", column: "../etc", from: "2023-02-30", to: "yesterday", sort: "random", page: "-1" });
    expect(request).toMatchObject({ q: "外贸", column: null, from: null, to: null, sort: "relevance", page: 1 });
    expect(request.ignored.sort()).toEqual(["column", "from", "page", "to"]);
  });

  it("takes the first of repeated parameters, swaps a reversed range, caps the page and the query", () => {
    const request = parseSearchParams({ q: ["a", "b"], from: "2024-05-01", to: "2024-01-01", page: "999" });
    expect(request).toMatchObject({ q: "a", from: "2024-01-01", to: "2024-05-01", page: 1, ignored: ["page"] });
    expect(parseSearchParams({ q: "x".repeat(1000) }).q).toHaveLength(200);
  });

  it("treats empty fields of a submitted form as unset", () => {
    expect(parseSearchParams({ q: "", column: "", from: "", to: "", page: "" })).toMatchObject({ q: "", column: null, ignored: [] });
  });
});

describe("searchHref", () => {
  it("keeps only what is set, and encodes the query", () => {
    expect(searchHref({ q: "生态 & 环境", column: null, from: null, to: null, sort: "relevance" })).toBe(
      "/search?q=%E7%94%9F%E6%80%81+%26+%E7%8E%AF%E5%A2%83",
    );
    expect(searchHref({ q: "a", column: "notices", from: "2024-01-01", to: null, sort: "date" }, 2)).toBe(
      "/search?q=a&column=notices&from=2024-01-01&sort=date&page=2",
    );
  });
});

describe("startOfDay", () => {
  it("is midnight in the site's time zone", () => {
    expect(startOfDay("2024-03-01", "Asia/Shanghai").toISOString()).toBe("2024-02-29T16:00:00.000Z");
    expect(startOfDay("2024-07-01", "Europe/Berlin").toISOString()).toBe("2024-06-30T22:00:00.000Z");
    expect(nextDay("2024-02-29")).toBe("2024-03-01");
  });
});
