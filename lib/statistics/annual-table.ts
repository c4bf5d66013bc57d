import type { RichTextNode } from "@/lib/sanitize/tiptap-schema";
import { annualReportText as R } from "@/lib/i18n/statistics";
import { fill } from "@/lib/i18n/fill";
import type { AnnualReport } from "./annual-report";
import type { DataTable } from "./table";

/**
 * The 年度报表 as one table — the XLSX and the draft article are both made from it, so
 * the file and the article say the same as the page.
 */
export function annualReportTable(report: AnnualReport): DataTable {
  const rows: (string | number)[][] = [];
  for (const { def, value, withdrawn } of report.figures) {
    const note = withdrawn > 0 ? `；${fill(R.withdrawnOf, { count: withdrawn })}` : "";
    rows.push([def.section, def.label, value, def.unit, `${def.basis}${note}`]);
    if (def.key === "interpretations") {
      for (const column of report.interpretationColumns) rows.push([def.section, `其中：${column.name}`, column.count, def.unit, `栏目“${column.name}”中发布的文章`]);
    }
  }
  return {
    key: "annual",
    title: `${report.year}年度报表`,
    description: `${report.year}年度政府网站工作年度报表`,
    columns: [R.section, R.item, R.value, R.unit, R.basis],
    rows,
    chart: "bar",
  };
}

const text = (value: string): RichTextNode => ({ type: "text", text: value });
const paragraph = (value: string): RichTextNode => ({ type: "paragraph", content: value ? [text(value)] : [] });
const cell = (type: "tableHeader" | "tableCell", value: string | number): RichTextNode => ({ type, content: [paragraph(String(value))] });

/**
 * The draft article's body: a sentence saying what it is, the report as a table
 * (section, item, value with its unit), and how the figures were counted. Tiptap JSON,
 * so it goes through the same validation, rendering and sanitizing as any article.
 */
export function annualReportDoc(report: AnnualReport, siteName: string): RichTextNode {
  const table = annualReportTable(report);
  const header: RichTextNode = { type: "tableRow", content: [R.section, R.item, R.value].map((h) => cell("tableHeader", h)) };
  const body = table.rows.map((row): RichTextNode => ({
    type: "tableRow",
    content: [cell("tableCell", row[0]), cell("tableCell", row[1]), cell("tableCell", `${row[2]} ${row[3]}`)],
  }));
  return {
    type: "doc",
    content: [
      paragraph(`根据《政府网站工作年度报表》（国办函〔2018〕12号）的要求，现将${siteName}${report.year}年度信息发布、专栏专题、解读回应等情况公布如下。`),
      { type: "table", content: [header, ...body] },
      paragraph(`说明：${R.withdrawnNote}`),
      paragraph(R.viewsNote),
    ],
  };
}
