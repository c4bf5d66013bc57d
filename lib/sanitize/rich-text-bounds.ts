/**
 * Bounds on every number in rich text. The numbers decide how much work a render is —
 * a table cell with colspan 100000 renders as 100000 <col> elements (seconds of CPU,
 * ~900 MB), one around a million exhausts the heap — so one small save could take the
 * server down. The editor's JSON is refused past these bounds (tiptap-schema.ts, with
 * a message naming the attribute), the HTML allowlist drops such attributes (html.ts),
 * and the editor reads pasted HTML within them (components/editor/extensions.ts).
 * Each bound is far beyond what a government article needs.
 */
export const RICH_TEXT_BOUNDS = {
  /** colspan and rowspan of one cell; also the columns of a table. */
  span: 50,
  tableColumns: 50,
  /** Column widths in pixels (0: not set). */
  colwidth: 2000,
  /** The first number of an ordered list. */
  listStart: 100_000,
  /** An image's width and height attributes, in pixels. */
  imageSize: 10_000,
} as const;

/** The heading levels the editor offers (h1 is the article's title). */
export const HEADING_LEVELS = [2, 3, 4] as const;

/** An integer given as a number or as its digits (attributes read from HTML are text), else null. */
export function integerOf(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d{1,12}\s*$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) ? n : null;
}

/** `value` when it is an integer within [min, max], else null. */
export function boundedInteger(value: unknown, min: number, max: number): number | null {
  const n = integerOf(value);
  return n !== null && n >= min && n <= max ? n : null;
}

/** An image dimension: a positive number of pixels up to the bound (decimals, as Word writes them, included). */
export function boundedImageSize(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d{1,6}(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  return Number.isFinite(n) && n > 0 && n <= RICH_TEXT_BOUNDS.imageSize ? n : null;
}

/** Column widths: one per spanned column, each 0–2000 px; null when they do not fit. */
export function boundedColwidth(value: unknown, colspan: number): number[] | null {
  const list = typeof value === "string" ? value.split(",") : value;
  if (!Array.isArray(list) || list.length !== colspan) return null;
  const widths = list.map((w) => boundedInteger(w, 0, RICH_TEXT_BOUNDS.colwidth));
  return widths.every((w): w is number => w !== null) ? widths : null;
}

interface Node {
  type: string;
  attrs?: Record<string, unknown>;
  content?: Node[];
}

const CELL_TYPES = new Set(["tableCell", "tableHeader"]);
const ABSENT = (v: unknown) => v === undefined || v === null || v === "";

function rangeMessage(what: string, attribute: string, label: string, min: number, max: number, value: unknown): string {
  return `正文中${what}的 ${attribute}（${label}）应为 ${min}–${max} 的整数，现为 ${JSON.stringify(value).slice(0, 20)}。`;
}

/** Every bound a document breaks, as messages for the editor (zh-CN, naming the attribute); at most `limit`. */
export function richTextBoundProblems(doc: Node, limit = 3): string[] {
  const problems: string[] = [];
  const S = RICH_TEXT_BOUNDS;
  const walk = (node: Node): void => {
    if (problems.length >= limit) return;
    const a = node.attrs ?? {};
    if (node.type === "table") checkTable(node, problems);
    if (node.type === "heading" && !HEADING_LEVELS.includes(integerOf(a.level) as (typeof HEADING_LEVELS)[number])) {
      problems.push(`正文中标题的 level（级别）应为 ${HEADING_LEVELS.join("、")} 之一，现为 ${JSON.stringify(a.level).slice(0, 20)}。`);
    }
    if (node.type === "orderedList" && !ABSENT(a.start) && boundedInteger(a.start, 1, S.listStart) === null) {
      problems.push(rangeMessage("编号列表", "start", "起始编号", 1, S.listStart, a.start));
    }
    if (node.type === "image") {
      for (const [attribute, label] of [["width", "宽度"], ["height", "高度"]] as const) {
        if (!ABSENT(a[attribute]) && boundedImageSize(a[attribute]) === null) {
          problems.push(`正文中图片的 ${attribute}（${label}）应为不超过 ${S.imageSize} 的正数（像素），现为 ${JSON.stringify(a[attribute]).slice(0, 20)}。`);
        }
      }
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return problems.slice(0, limit);
}

/** Spans within bounds and within the table; no row wider than the column bound. */
function checkTable(table: Node, problems: string[]): void {
  const S = RICH_TEXT_BOUNDS;
  const rows = (table.content ?? []).filter((r) => r.type === "tableRow");
  // Cells from rows above that still cover the current row: [columns, rows left].
  let carried: [number, number][] = [];
  rows.forEach((row, r) => {
    let width = carried.reduce((sum, [columns]) => sum + columns, 0);
    const next: [number, number][] = carried.map(([columns, left]) => [columns, left - 1] as [number, number]).filter(([, left]) => left > 0);
    for (const cell of row.content ?? []) {
      if (!CELL_TYPES.has(cell.type)) continue;
      const a = cell.attrs ?? {};
      const colspan = ABSENT(a.colspan) ? 1 : boundedInteger(a.colspan, 1, S.span);
      const rowspan = ABSENT(a.rowspan) ? 1 : boundedInteger(a.rowspan, 1, S.span);
      if (colspan === null) problems.push(rangeMessage("表格单元格", "colspan", "合并列数", 1, S.span, a.colspan));
      if (rowspan === null) problems.push(rangeMessage("表格单元格", "rowspan", "合并行数", 1, S.span, a.rowspan));
      else if (rowspan > rows.length - r) problems.push(`正文中表格单元格的 rowspan（合并行数）为 ${rowspan}，超出了表格（此处以下只有 ${rows.length - r} 行）。`);
      if (colspan !== null && !ABSENT(a.colwidth) && boundedColwidth(a.colwidth, colspan) === null) {
        problems.push(`正文中表格单元格的 colwidth（列宽）应为 ${colspan} 个 0–${S.colwidth} 的整数（像素）。`);
      }
      width += colspan ?? 1;
      if (rowspan !== null && rowspan > 1) next.push([colspan ?? 1, rowspan - 1]);
    }
    if (width > S.tableColumns) problems.push(`正文中表格的一行有 ${width} 列（colspan 合计），最多 ${S.tableColumns} 列。`);
    carried = next;
  });
}
