import crypto from "node:crypto";
import type { ArticleRevision } from "@/generated/prisma/client";

/** The stored content of a revision that the public sees, in the fields the hash covers. */
export type HashedRevision = Pick<
  ArticleRevision,
  "title" | "titleTags" | "subtitle" | "author" | "source" | "summary" | "bodyHtml" | "coverId" | "coverAlt" | "indexNo" | "topic" | "issuingOrg" | "writtenAt" | "docNo" | "attachments"
>;

/**
 * A stable fingerprint of what a revision says: SHA-256 over its content fields in a
 * fixed order (not over the row: its id, time and note do not change what was approved).
 * The body is its stored, sanitized HTML — what the public page shows; a calendar date
 * is taken as YYYY-MM-DD. Two revisions with the same content have the same hash,
 * whenever and by whomever they were saved. Printed on the 审签单.
 */
export function revisionContentHash(revision: HashedRevision): string {
  const fields: [string, unknown][] = [
    ["title", revision.title],
    ["titleTags", revision.titleTags],
    ["subtitle", revision.subtitle],
    ["author", revision.author],
    ["source", revision.source],
    ["summary", revision.summary],
    ["bodyHtml", revision.bodyHtml],
    ["coverId", revision.coverId],
    ["coverAlt", revision.coverAlt],
    ["indexNo", revision.indexNo],
    ["topic", revision.topic],
    ["issuingOrg", revision.issuingOrg],
    ["writtenAt", revision.writtenAt ? revision.writtenAt.toISOString().slice(0, 10) : null],
    ["docNo", revision.docNo],
    ["attachments", canonical(revision.attachments)],
  ];
  return crypto.createHash("sha256").update(JSON.stringify(fields), "utf8").digest("hex");
}

/** JSON values with object keys sorted: the same attachments list whatever order the database returned its keys in. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
  }
  return value;
}

/** The hash in groups of eight, as printed: easier to compare by eye with another copy. */
export function groupedHash(hash: string): string {
  return hash.replace(/(.{8})(?=.)/g, "$1 ");
}
