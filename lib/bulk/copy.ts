import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/**
 * COPY … FROM STDIN in PostgreSQL's text format: one line per row, fields separated by
 * tabs, `\N` for NULL. Rows are encoded as they are streamed, in chunks of about
 * CHUNK characters, so a batch of thousands of long articles is never one huge string.
 */
export type CopyValue = string | number | boolean | Date | null | readonly string[] | { json: unknown };

const CHUNK = 256 * 1024;

/** Backslash, newline, carriage return and tab are the only characters the text format escapes. */
function escapeText(text: string): string {
  return /[\\\n\r\t]/.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => (c === "\\" ? "\\\\" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : "\\t")) : text;
}

/** A text[] literal: every element quoted, `"` and `\` escaped inside the quotes. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}

export function copyField(value: CopyValue): string {
  if (value === null) return "\\N";
  if (typeof value === "string") return escapeText(value);
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  // Prisma keeps DateTime in UTC in `timestamp(3)` columns; the zone suffix is ignored on input.
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escapeText(arrayLiteral(value));
  return escapeText(JSON.stringify((value as { json: unknown }).json));
}

function* chunks(rows: Iterable<readonly CopyValue[]>): Generator<string> {
  let chunk = "";
  for (const row of rows) {
    chunk += row.map(copyField).join("\t") + "\n";
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

/** Streams the rows into `table` (its listed columns; the others take their defaults). Returns the rows written. */
export async function copyRows(client: pg.ClientBase, table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]>): Promise<number> {
  const sink = client.query(copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`));
  await pipeline(Readable.from(chunks(rows)), sink);
  return sink.rowCount;
}
