import type { Block, Marks, Run } from "./blocks";
import { escapeHtml } from "./text";

/** Marks open from the outside in, so that equal runs nest the same way. */
const MARK_TAGS: [keyof Marks, string][] = [
  ["bold", "strong"],
  ["italic", "em"],
  ["underline", "u"],
  ["strike", "s"],
  ["sup", "sup"],
  ["sub", "sub"],
];

function sameMarks(a: Marks, b: Marks): boolean {
  return MARK_TAGS.every(([k]) => !!a[k] === !!b[k]) && a.href === b.href;
}

function runsHtml(runs: Run[]): string {
  const merged: Run[] = [];
  for (const run of runs) {
    const prev = merged[merged.length - 1];
    if (prev && "text" in prev && "text" in run && sameMarks(prev.marks, run.marks)) prev.text += run.text;
    else merged.push("text" in run ? { ...run } : run);
  }
  return merged
    .map((run) => {
      if ("br" in run) return "<br>";
      let html = escapeHtml(run.text);
      for (const [key, tag] of [...MARK_TAGS].reverse()) if (run.marks[key]) html = `<${tag}>${html}</${tag}>`;
      if (run.marks.href) html = `<a href="${escapeHtml(run.marks.href)}">${html}</a>`;
      return html;
    })
    .join("");
}

function alignStyle(align: string | null): string {
  return align ? ` style="text-align:${align}"` : "";
}

/**
 * The blocks as the HTML the editor parses. Paragraphs inside lists, tables and
 * quotes never take the first-line indent (data-indent="0").
 */
export function blocksToHtml(blocks: Block[], nested = false): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case "paragraph":
          return `<p${b.indent && !nested ? "" : ' data-indent="0"'}${alignStyle(b.align)}>${runsHtml(b.runs)}</p>`;
        case "heading":
          return `<h${b.level}${alignStyle(b.align)}>${runsHtml(b.runs)}</h${b.level}>`;
        case "image":
          return `<figure><img src="${escapeHtml(b.src)}" alt="${escapeHtml(b.alt)}">${b.caption ? `<figcaption>${escapeHtml(b.caption)}</figcaption>` : ""}</figure>`;
        case "list": {
          const tag = b.ordered ? "ol" : "ul";
          const start = b.ordered && b.start !== 1 ? ` start="${b.start}"` : "";
          return `<${tag}${start}>${b.items.map((item) => `<li>${blocksToHtml(item, true)}</li>`).join("")}</${tag}>`;
        }
        case "table":
          return `<table><tbody>${b.rows
            .map(
              (row) =>
                `<tr>${row
                  .map((cell) => {
                    const tag = cell.header ? "th" : "td";
                    const spans = `${cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ""}${cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ""}`;
                    return `<${tag}${spans}>${blocksToHtml(cell.blocks, true) || '<p data-indent="0"></p>'}</${tag}>`;
                  })
                  .join("")}</tr>`,
            )
            .join("")}</tbody></table>`;
        case "quote":
          return `<blockquote>${blocksToHtml(b.blocks, true)}</blockquote>`;
        case "rule":
          return "<hr>";
      }
    })
    .join("");
}
