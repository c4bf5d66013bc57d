import { z } from "zod";
import { QUERY_MAX_CHARS } from "./needles";

/**
 * The public search form's parameters (/search?q=&column=&from=&to=&sort=&page=),
 * parsed leniently: a citizen's odd URL never errors, a bad value is simply ignored
 * (and reported in `ignored`, so the page can say so).
 */
export const PAGE_SIZE = 10;
/**
 * Twenty pages (200 results) at most: deeper pages are not read, and every search must
 * gather enough candidates for its last page up front (see `depth` in sql.ts), so
 * fewer pages make common-word searches cheaper. The page says when results were capped.
 */
export const MAX_PAGE = 20;

export type SearchSort = "relevance" | "date";

export interface SearchRequest {
  q: string;
  /** Column slug: the column and everything below it. */
  column: string | null;
  /** Calendar days in the site's time zone, inclusive. */
  from: string | null;
  to: string | null;
  sort: SearchSort;
  page: number;
  ignored: ("from" | "to" | "page" | "column")[];
}

type Raw = Record<string, string | string[] | undefined>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s));
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/);
const page = z.coerce.number().int().min(1).max(MAX_PAGE);

export function parseSearchParams(raw: Raw): SearchRequest {
  const first = (key: string) => {
    const value = raw[key];
    return (Array.isArray(value) ? value[0] : value)?.trim() || null;
  };
  const ignored: SearchRequest["ignored"] = [];
  const pick = <T>(key: SearchRequest["ignored"][number], schema: z.ZodType<T>): T | null => {
    const value = first(key);
    if (value === null) return null;
    const parsed = schema.safeParse(value);
    if (!parsed.success) ignored.push(key);
    return parsed.success ? parsed.data : null;
  };
  let from = pick("from", day);
  let to = pick("to", day);
  if (from && to && from > to) [from, to] = [to, from];
  return {
    q: (first("q") ?? "").slice(0, QUERY_MAX_CHARS),
    column: pick("column", slug),
    from,
    to,
    sort: first("sort") === "date" ? "date" : "relevance",
    page: pick("page", page) ?? 1,
    ignored,
  };
}

/** The search form's parameters from a request's query string: each key's first value. */
export function parseSearchQuery(query: URLSearchParams): SearchRequest {
  const raw: Record<string, string> = {};
  for (const [key, value] of query) if (!(key in raw)) raw[key] = value;
  return parseSearchParams(raw);
}

/**
 * Where a search page is kept in the search cache (lib/server/public-site.ts): its
 * canonical address, so that "?q=生态" and "?q=%20生态&utm=x" share one entry. Null — not
 * kept — when the page reports ignored parameters, which it repeats back to the reader.
 */
export function searchCacheKey(query: URLSearchParams): string | null {
  const request = parseSearchQuery(query);
  return request.ignored.length > 0 ? null : searchHref(request, request.page);
}

/** The URL of a search, for pagination and filter links: only the parameters that are set. */
export function searchHref(request: Pick<SearchRequest, "q" | "column" | "from" | "to" | "sort">, page = 1): string {
  const params = new URLSearchParams();
  params.set("q", request.q);
  if (request.column) params.set("column", request.column);
  if (request.from) params.set("from", request.from);
  if (request.to) params.set("to", request.to);
  if (request.sort !== "relevance") params.set("sort", request.sort);
  if (page > 1) params.set("page", String(page));
  return `/search?${params.toString()}`;
}

/**
 * The instant a calendar day begins in `timeZone`: the date filter means days as the
 * site shows them (Asia/Shanghai by default), not UTC days.
 */
export function startOfDay(isoDay: string, timeZone: string): Date {
  const guess = new Date(`${isoDay}T00:00:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(guess)
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return new Date(guess.getTime() - (wall - guess.getTime()));
}

export function nextDay(isoDay: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
