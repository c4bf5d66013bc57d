import "server-only";
import ExcelJS from "exceljs";
import { CSV_BOM, csvRow, defuseFormula } from "@/lib/audit/csv";
import type { Cell, DataTable } from "./table";

/**
 * The statistics' downloads. CSV: UTF-8 with a BOM for Excel and WPS, formula-looking
 * text defused (lib/audit/csv.ts). XLSX: one sheet per table, numbers as numbers, text
 * as text with the same defusing — an article title "=HYPERLINK(…)" stays a title.
 */
export function tableCsv(table: DataTable): string {
  return CSV_BOM + csvRow(table.columns) + table.rows.map((row) => csvRow(row)).join("");
}

const xlsxCell = (value: Cell) => (typeof value === "number" ? value : defuseFormula(value));

/** Excel forbids : \ / ? * [ ] in sheet names and allows 31 characters. */
export function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, " ").slice(0, 28) || "Sheet";
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}(${n})`;
  taken.add(name);
  return name;
}

export async function tablesXlsx(tables: readonly DataTable[], creator = "Gazette"): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  const taken = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.title, taken));
    sheet.addRow(table.columns.map(xlsxCell)).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map(xlsxCell));
    sheet.columns.forEach((column, i) => {
      const widest = Math.max(...[table.columns[i], ...table.rows.map((r) => r[i])].map((v) => String(v ?? "").length));
      column.width = Math.min(60, Math.max(10, widest * 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A download's headers: attachment, never cached, never sniffed. */
export function downloadHeaders(filename: string, contentType: string): HeadersInit {
  return {
    "content-type": contentType,
    "content-disposition": `attachment; filename="${filename}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  };
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_TYPE = "text/csv; charset=utf-8";
