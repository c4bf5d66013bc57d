import { describe, expect, it } from "vitest";
import { catalogueCacheKey, catalogueHref, isFiltered, parseCatalogueQuery } from "./catalogue-params";

const parse = (query: string) => parseCatalogueQuery(new URLSearchParams(query));

describe("parseCatalogueQuery", () => {
  it("reads every filter, trimmed, with spaces in the search collapsed", () => {
    expect(parse("q=%20乌府办发%20%20〔2024〕&topic=综合政务&org=乌海市人民政府办公室&year=2024&validity=REPEALED&page=3")).toEqual({
      q: "乌府办发 〔2024〕",
      topic: "综合政务",
      org: "乌海市人民政府办公室",
      year: 2024,
      validity: "REPEALED",
      page: 3,
      ignored: [],
    });
  });

  it("drops what cannot be a value and says so, never throws", () => {
    expect(parse("year=24&validity=valid&page=0")).toMatchObject({ year: null, validity: null, page: 1, ignored: ["year", "validity", "page"] });
    expect(parse("year=1800&page=5001").ignored).toEqual(["year", "page"]);
    expect(parse("page=abc").page).toBe(1);
  });

  it("takes empty values as no filter, and the first of repeated keys", () => {
    expect(parse("q=&topic=&org=&year=&validity=")).toEqual({ q: "", topic: null, org: null, year: null, validity: null, page: 1, ignored: [] });
    expect(parse("topic=综合政务&topic=其他").topic).toBe("综合政务");
  });

  it("caps free text at 100 characters", () => {
    expect(parse(`q=${"文".repeat(300)}`).q).toHaveLength(100);
    expect(parse(`topic=${"文".repeat(300)}`).topic).toHaveLength(100);
  });
});

describe("catalogueHref and catalogueCacheKey", () => {
  it("writes only the parameters set, in one order, page 1 without a page", () => {
    const request = parse("validity=VALID&topic=综合政务");
    expect(catalogueHref(request)).toBe(`/zfxxgk?topic=${encodeURIComponent("综合政务")}&validity=VALID`);
    expect(catalogueHref(request, 2)).toBe(`/zfxxgk?topic=${encodeURIComponent("综合政务")}&validity=VALID&page=2`);
    expect(catalogueHref(parse(""))).toBe("/zfxxgk");
  });

  it("gives equivalent addresses one key, and none to an address with a dropped value", () => {
    const a = catalogueCacheKey(new URLSearchParams("topic=综合政务&year=2024&utm_source=x"));
    const b = catalogueCacheKey(new URLSearchParams("year=2024&topic=%20综合政务&page=1"));
    expect(a).toBe(b);
    expect(a).toBe(`/zfxxgk?topic=${encodeURIComponent("综合政务")}&year=2024`);
    expect(catalogueCacheKey(new URLSearchParams(""))).toBe("/zfxxgk");
    expect(catalogueCacheKey(new URLSearchParams("year=abc"))).toBeNull();
  });

  it("isFiltered: any filter or search", () => {
    expect(isFiltered(parse("page=2"))).toBe(false);
    expect(isFiltered(parse("validity=EXPIRED"))).toBe(true);
    expect(isFiltered(parse("q=方案"))).toBe(true);
  });
});
