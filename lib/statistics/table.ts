/**
 * One shape for every set of numbers the statistics show: the chart draws it, the table
 * under the chart lists it, and the CSV and XLSX downloads write it — so the four never
 * disagree.
 */
export type Cell = string | number;

export interface DataTable {
  /** Stable name, used in the export address ("site", "top"…). */
  key: string;
  title: string;
  /** What the numbers are, for the chart's accessible description. */
  description: string;
  columns: string[];
  rows: Cell[][];
  /** How the chart draws it: a line over time, bars per row, or bars stacked per column. */
  chart: "line" | "bar" | "stacked";
  /** Where a row leads (an article), by row index; optional. */
  links?: (string | null)[];
}

/** A sentence that says what a chart shows, with its largest value: what a screen reader hears. */
export function describeTable(table: DataTable): string {
  if (table.rows.length === 0) return `${table.title}：所选范围内没有数据。`;
  if (table.chart === "stacked") return `${table.title}：${table.rows.length} 个栏目，${table.columns.length - 2} 个月，数据见下方表格。`;
  const values = table.rows.map((row) => Number(row[row.length - 1]) || 0);
  const max = Math.max(...values);
  const at = table.rows[values.indexOf(max)];
  const total = values.reduce((sum, v) => sum + v, 0);
  return `${table.title}：共 ${table.rows.length} 项，合计 ${total}，最高为“${at[table.chart === "bar" ? 1 : 0]}” ${max}。数据见下方表格。`;
}
