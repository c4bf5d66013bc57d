// No "server-only": the public renderer (lib/site/pages/catalogue.tsx) runs outside Next.js.
import type { DocumentValidity } from "@/generated/prisma/enums";
import { publicArticleSql } from "@/lib/articles/public-rule";
import { db, Prisma } from "@/lib/db/client";
import { DISPLAY_TIME_ZONE, formatDate } from "@/lib/format/date";
import { startOfDay } from "@/lib/search/params";
import { CATALOGUE_PAGE_SIZE, type CatalogueRequest } from "./catalogue-params";
import { normalizeDocNo } from "./schema";
import { effectiveValidity, type EffectiveValidity, type StoredValidity } from "./validity";

/**
 * The 政府信息公开目录: the public documents (lib/documents/validity.ts isDocument — a
 * 发文字号, or a 信息公开目录 column) with the metadata of their live revision, newest
 * first. The filters use the partial indexes of migration 20261207094955_topics; the
 * order walks Article(live, publishedAt DESC).
 */
export interface CatalogueRow {
  id: number;
  title: string;
  indexNo: string | null;
  issuingOrg: string | null;
  docNo: string | null;
  writtenAt: Date | null;
  publishedAt: Date;
  topic: string | null;
  validity: EffectiveValidity;
}

export interface CataloguePage {
  rows: CatalogueRow[];
  total: number;
  pageCount: number;
}

type Filters = Omit<CatalogueRequest, "page" | "ignored">;

/** LIKE treats % and _ as wildcards: a 索引号 typed by a reader is matched as written. */
function likeLiteral(value: string): string {
  return value.replace(/[\\%_]/g, "\\$&");
}

/** The live documents and their live revision: r, a and c (the column) in the statements below. */
const FROM = Prisma.sql`FROM "Article" a
  JOIN "ArticleRevision" r ON r.id = a."liveRevisionId"
  JOIN "Column" c ON c.id = a."columnId"`;

function documentWhere(now: Date): Prisma.Sql {
  return Prisma.sql`${publicArticleSql(now, "a")} AND (r."docNo" <> '' OR c."reportCategory" = 'DISCLOSURE')`;
}

/** 有效性 as readers see it on `today`: a valid document past its 有效期至 reads 已失效 (effectiveValidity). */
function validityWhere(validity: DocumentValidity, today: string): Prisma.Sql {
  if (validity === "VALID") return Prisma.sql`r.validity = 'VALID' AND (r."validUntil" IS NULL OR r."validUntil" > ${today}::date)`;
  if (validity === "EXPIRED") return Prisma.sql`(r.validity = 'EXPIRED' OR (r.validity = 'VALID' AND r."validUntil" <= ${today}::date))`;
  return Prisma.sql`r.validity = ${validity}::"DocumentValidity"`;
}

/** A 索引号 or 发文字号, whole or its beginning (brackets corrected), or every word in the title. */
function searchWhere(q: string): Prisma.Sql {
  const words = q.split(" ").filter(Boolean);
  const inTitle = Prisma.join(
    words.map((w) => Prisma.sql`r.title ILIKE ${`%${likeLiteral(w)}%`}`),
    " AND ",
  );
  const docNo = normalizeDocNo(q);
  return Prisma.sql`(r."indexNo" LIKE ${`${likeLiteral(q)}%`} OR r."docNo" LIKE ${`${likeLiteral(docNo)}%`} OR (${inTitle}))`;
}

function filtersWhere(f: Filters, now: Date): Prisma.Sql {
  const parts = [documentWhere(now)];
  if (f.topic) parts.push(Prisma.sql`r.topic = ${f.topic}`);
  if (f.org) parts.push(Prisma.sql`r."issuingOrg" = ${f.org}`);
  if (f.year) {
    const from = startOfDay(`${f.year}-01-01`, DISPLAY_TIME_ZONE);
    const to = startOfDay(`${f.year + 1}-01-01`, DISPLAY_TIME_ZONE);
    parts.push(Prisma.sql`a."publishedAt" >= ${from} AND a."publishedAt" < ${to}`);
  }
  if (f.validity) parts.push(validityWhere(f.validity, formatDate(now)));
  if (f.q) parts.push(searchWhere(f.q));
  return Prisma.join(parts, " AND ");
}

/** A row as read: the stored validity, made effective (as of today) for the page. */
type RawRow = Omit<CatalogueRow, "validity"> & StoredValidity;

/** A row as readers see it today: its stored validity becomes the effective one. */
function withValidity<T extends RawRow>({ validity, validityDate, validUntil, ...row }: T, today: string): Omit<T, "validity" | "validityDate" | "validUntil"> & { validity: EffectiveValidity } {
  return { ...row, validity: effectiveValidity({ validity, validityDate, validUntil }, today) };
}

/** One page of the catalogue (1-based), with the total for the pagination. */
export async function listCatalogue(request: Filters & { page: number }, now: Date = new Date()): Promise<CataloguePage> {
  const where = filtersWhere(request, now);
  const offset = (request.page - 1) * CATALOGUE_PAGE_SIZE;
  const [rows, [{ total }]] = await Promise.all([
    db().$queryRaw<RawRow[]>`
      SELECT a.id, r.title, r."indexNo", r."issuingOrg", r."docNo", r."writtenAt", a."publishedAt", r.topic,
             r.validity, r."validityDate", r."validUntil"
      ${FROM} WHERE ${where}
      ORDER BY a."publishedAt" DESC, a.id DESC
      LIMIT ${CATALOGUE_PAGE_SIZE} OFFSET ${offset}`,
    db().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total ${FROM} WHERE ${where}`,
  ]);
  const today = formatDate(now);
  return {
    rows: rows.map((row) => withValidity(row, today)),
    total,
    pageCount: Math.max(1, Math.ceil(total / CATALOGUE_PAGE_SIZE)),
  };
}

export interface CatalogueChoices {
  /** 发文机关 of the public documents, by name. */
  orgs: string[];
  /** Years of 公开日期 with public documents, newest first. */
  years: number[];
}

/** What the filter offers besides the managed 主题分类 list. */
export async function catalogueChoices(now: Date = new Date()): Promise<CatalogueChoices> {
  const where = documentWhere(now);
  const [orgs, years] = await Promise.all([
    db().$queryRaw<{ org: string }[]>`SELECT DISTINCT r."issuingOrg" AS org ${FROM} WHERE ${where} AND r."issuingOrg" <> '' ORDER BY 1`,
    db().$queryRaw<{ year: number }[]>`
      SELECT DISTINCT extract(year FROM (a."publishedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${DISPLAY_TIME_ZONE})::int AS year
      ${FROM} WHERE ${where} ORDER BY 1 DESC`,
  ]);
  return { orgs: orgs.map((o) => o.org), years: years.map((y) => y.year) };
}

export interface CatalogueFeedRow extends CatalogueRow {
  summary: string;
  bodyText: string;
  author: string;
  titleTags: string[];
}

/** The newest public documents, for /zfxxgk/feed.xml. */
export async function newestDocuments(limit: number, now: Date = new Date()): Promise<CatalogueFeedRow[]> {
  const rows = await db().$queryRaw<(RawRow & { summary: string; bodyText: string; author: string; titleTags: string[] })[]>`
    SELECT a.id, r.title, r."titleTags", r.summary, r."bodyText", r.author, r."indexNo", r."issuingOrg", r."docNo", r."writtenAt",
           a."publishedAt", r.topic, r.validity, r."validityDate", r."validUntil"
    ${FROM} WHERE ${documentWhere(now)}
    ORDER BY a."publishedAt" DESC, a.id DESC
    LIMIT ${limit}`;
  const today = formatDate(now);
  return rows.map((row) => withValidity(row, today));
}
