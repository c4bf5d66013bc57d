/**
 * CSV for Excel and WPS: UTF-8 with a byte-order mark (without it Excel reads the
 * Chinese as mojibake), CRLF line ends, RFC 4180 quoting, and formula injection
 * defused — a cell that starts with = + - @ (or a tab or carriage return, which
 * some spreadsheets also strip before evaluating) gets a leading apostrophe, so an
 * attacker-chosen value such as a login email "=HYPERLINK(…)" stays text.
 */
export const CSV_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would take for a formula, made plain text (the statistics' XLSX cells use it too). */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: unknown): string {
  const s = defuseFormula(value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** Text chunks as a streamed response body, pulled one at a time (a large export never sits in memory). */
export function csvStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
