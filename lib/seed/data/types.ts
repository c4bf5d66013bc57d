import type { ReportCategory } from "@/generated/prisma/enums";

/**
 * The shape of demo content. Seed data is written as plain blocks (not Tiptap JSON)
 * so that it stays readable; lib/seed turns blocks into the editor's JSON.
 */
export type SeedBlock =
  | { type: "paragraph"; text: string }
  | { type: "heading"; level?: 2 | 3; text: string }
  /** `label` is what the reference page shows where the image stands (e.g. "640 (1)"). */
  | { type: "image"; label: string; alt: string; caption?: string };

export interface SeedColumn {
  name: string;
  slug: string;
  /** Review levels (1–3) for articles in this column. */
  reviewLevels?: 1 | 2 | 3;
  /**
   * 年度报表 category (lib/columns/report-category.ts); its default update period applies,
   * and DISCLOSURE makes its articles documents (lib/documents/validity.ts).
   */
  reportCategory?: ReportCategory;
  children?: SeedColumn[];
}

export interface SeedArticle {
  title: string;
  /** Rendered as 【tag】 before the title. */
  titleTags: string[];
  subtitle?: string;
  columnSlug: string;
  author: string;
  source: string;
  summary: string;
  /** ISO 8601 with the +08:00 offset, to the second. */
  publishedAt: string;
  pinned?: boolean;
  headline?: boolean;
  /** 政务公开 disclosure metadata, only on some articles. */
  disclosure?: {
    indexNo: string;
    topic: string;
    issuingOrg: string;
    /** YYYY-MM-DD */
    writtenAt: string;
    docNo?: string;
    /** 有效性 other than 有效: the document that replaces it is named by its 发文字号 (seeded before it). */
    validity?: { state: "AMENDED" | "REPEALED" | "EXPIRED"; date: string; replacedByDocNo?: string };
    /** 有效期至, YYYY-MM-DD. */
    validUntil?: string;
  };
  /** An interpretation (解读): its kind and the documents it interprets, by 发文字号. */
  interprets?: { kind: "TEXT" | "GRAPHIC" | "MEDIA" | "EXPERT" | "VIDEO" | "PRESS"; docNos: string[] };
  blocks: SeedBlock[];
}
