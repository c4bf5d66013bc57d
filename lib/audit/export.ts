import "server-only";
import { formatDateTime } from "@/lib/format/date";
import { zoneOffset } from "@/lib/format/zone";
import { t } from "@/lib/i18n/zh-CN";
import { CSV_BOM, csvRow, csvStream } from "./csv";
import type { AuditFilter } from "./filters";
import { entryLabel } from "./labels";
import { iterateAuditEntries, type AuditView } from "./queries";

const L = t.adminAudit;

function header(): string[] {
  return [
    `${L.csvTime} (UTC${zoneOffset()})`,
    L.csvActor,
    L.csvActorId,
    L.csvAction,
    L.csvActionLabel,
    L.csvTargetType,
    L.csvTargetId,
    L.csvIp,
    L.csvUserAgent,
    L.csvDetail,
  ];
}

function row(e: AuditView): unknown[] {
  return [
    formatDateTime(e.at),
    e.actorLabel,
    e.actorId ?? "",
    e.action,
    entryLabel(e),
    e.targetType,
    e.targetId,
    e.ip,
    e.userAgent,
    JSON.stringify(e.detail),
  ];
}

/** The file's name, stamped in the site's time zone like the times inside it: audit-log-202612071630.csv. */
export function auditCsvFileName(now: Date = new Date()): string {
  const stamp = formatDateTime(now).slice(0, 16).replace(/\D/g, "");
  return `audit-log-${stamp}.csv`;
}

/** The filtered log as CSV text chunks: the BOM and header first, then one chunk per batch. */
export async function* auditCsvChunks(filter: AuditFilter): AsyncGenerator<string> {
  yield CSV_BOM + csvRow(header());
  for await (const batch of iterateAuditEntries(filter)) yield batch.map((e) => csvRow(row(e))).join("");
}

/** A streamed body: a log of millions of rows never sits in memory at once. */
export function auditCsvStream(filter: AuditFilter): ReadableStream<Uint8Array> {
  return csvStream(auditCsvChunks(filter));
}
