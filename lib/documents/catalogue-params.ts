import type { DocumentValidity } from "@/generated/prisma/enums";
import { VALIDITIES } from "./validity";

/**
 * The 政府信息公开目录's query (/zfxxgk?q=&topic=&org=&year=&validity=&page=), parsed
 * leniently as the search page's is: a citizen's odd URL never errors, a value that
 * cannot be one is dropped and reported in `ignored`. Pure: the app server keys its page
 * cache with it (catalogueCacheKey) before any database is read.
 */
export const CATALOGUE_PATH = "/zfxxgk";
export const CATALOGUE_FEED_PATH = "/zfxxgk/feed.xml";
export const CATALOGUE_PAGE_SIZE = 20;
/** 100,000 documents at 20 a page. */
const MAX_PAGE = 5000;
const TEXT_MAX = 100;

export interface CatalogueRequest {
  /** Words of the title, or a 索引号 / 发文字号 (whole or its beginning). */
  q: string;
  topic: string | null;
  /** 发文机关. */
  org: string | null;
  /** Year of the 公开日期, in the site's time zone. */
  year: number | null;
  /** 有效性 as readers see it today (a document past its 有效期至 is 已失效). */
  validity: DocumentValidity | null;
  page: number;
  ignored: ("year" | "validity" | "page")[];
}

export function parseCatalogueQuery(query: URLSearchParams): CatalogueRequest {
  const first = (key: string) => query.get(key)?.trim() || null;
  const ignored: CatalogueRequest["ignored"] = [];
  const pick = <T>(key: CatalogueRequest["ignored"][number], parse: (value: string) => T | null): T | null => {
    const value = first(key);
    if (value === null) return null;
    const parsed = parse(value);
    if (parsed === null) ignored.push(key);
    return parsed;
  };
  const year = pick("year", (v) => (/^\d{4}$/.test(v) && Number(v) >= 1949 && Number(v) <= 2100 ? Number(v) : null));
  const validity = pick("validity", (v) => (VALIDITIES as readonly string[]).includes(v) ? (v as DocumentValidity) : null);
  const page = pick("page", (v) => (/^[1-9]\d{0,3}$/.test(v) && Number(v) <= MAX_PAGE ? Number(v) : null)) ?? 1;
  return {
    q: (first("q") ?? "").replace(/\s+/g, " ").slice(0, TEXT_MAX),
    topic: first("topic")?.slice(0, TEXT_MAX) ?? null,
    org: first("org")?.slice(0, TEXT_MAX) ?? null,
    year,
    validity,
    page,
    ignored,
  };
}

/** Is any filter or search set (the unfiltered list is the plain /zfxxgk)? */
export function isFiltered(request: Omit<CatalogueRequest, "page" | "ignored">): boolean {
  return !!(request.q || request.topic || request.org || request.year || request.validity);
}

/** The address of a catalogue page, for pagination and links: only the parameters set, in one order. */
export function catalogueHref(request: Omit<CatalogueRequest, "page" | "ignored">, page = 1): string {
  const params = new URLSearchParams();
  if (request.q) params.set("q", request.q);
  if (request.topic) params.set("topic", request.topic);
  if (request.org) params.set("org", request.org);
  if (request.year) params.set("year", String(request.year));
  if (request.validity) params.set("validity", request.validity);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `${CATALOGUE_PATH}?${search}` : CATALOGUE_PATH;
}

/**
 * Where the page cache keeps a catalogue page: its canonical address, so that
 * "?topic=综合政务&utm=x" and "?utm=x&topic=综合政务" share one entry. Null (not kept) when
 * a value was dropped, which the page repeats to the reader. The page itself keeps out
 * of the cache (no tags) what its loader finds unbounded: a free-text search, a theme or
 * organ that is not listed, a page past the last.
 */
export function catalogueCacheKey(query: URLSearchParams): string | null {
  const request = parseCatalogueQuery(query);
  return request.ignored.length > 0 ? null : catalogueHref(request, request.page);
}
