import { generateJSON } from "@tiptap/html";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { editorExtensions } from "@/components/editor/extensions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { prepareBody } from "@/lib/articles/body";
import type { RichTextNode } from "@/lib/sanitize/tiptap";
import { htmlToRichText } from "@/lib/sanitize/tiptap";
import { setupTestDatabase } from "@/test/db";
import { actAs } from "@/test/session";
import { createTestUser } from "@/lib/users/testing";
import { createArticleAction, saveArticleAction } from "./actions";

/**
 * Numbers in the editor's JSON decide how much work a render is: a cell with colspan
 * 100000 is 100000 <col> elements, seconds of CPU and most of the heap. Every numeric
 * attribute is bounded, and a save that exceeds a bound is refused with a message that
 * names the attribute — by the action any editor can call.
 */
setupTestDatabase();

let editor: SessionUser;
let columnId: number;

beforeAll(async () => {
  columnId = (await db().column.create({ data: { name: "要闻", slug: "body-bounds" } })).id;
  editor = await createTestUser("EDITOR", { columnIds: [columnId] });
});
beforeEach(() => actAs(editor));

const p = (text = "甲"): RichTextNode => ({ type: "paragraph", content: [{ type: "text", text }] });
const cell = (attrs: Record<string, unknown> = {}, type = "tableCell"): RichTextNode => ({ type, attrs, content: [p()] });
const row = (...cells: RichTextNode[]): RichTextNode => ({ type: "tableRow", content: cells });
const table = (...rows: RichTextNode[]): RichTextNode => ({ type: "table", content: rows });
const doc = (...content: RichTextNode[]): RichTextNode => ({ type: "doc", content });

const TOO_LARGE: [string, RichTextNode, string][] = [
  ["colspan 100000", doc(table(row(cell({ colspan: 100_000 })))), "colspan"],
  ["colspan 1e6 as text", doc(table(row(cell({ colspan: "1000000" }, "tableHeader")))), "colspan"],
  ["colspan 51", doc(table(row(cell({ colspan: 51 })))), "colspan"],
  ["colspan 0", doc(table(row(cell({ colspan: 0 })))), "colspan"],
  ["colspan 1.5", doc(table(row(cell({ colspan: 1.5 })))), "colspan"],
  ["rowspan 100000", doc(table(row(cell({ rowspan: 100_000 })))), "rowspan"],
  ["rowspan beyond the table", doc(table(row(cell({ rowspan: 3 })), row(cell()))), "rowspan"],
  ["a row of 51 columns", doc(table(row(...Array.from({ length: 17 }, () => cell({ colspan: 3 }))))), "colspan"],
  ["colwidth 1e9", doc(table(row(cell({ colwidth: [1_000_000_000] })))), "colwidth"],
  ["colwidth for more columns than the cell spans", doc(table(row(cell({ colspan: 1, colwidth: [100, 100, 100] })))), "colwidth"],
  ["heading level 1", doc({ type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "h" }] }), "level"],
  ["heading level 100000", doc({ type: "heading", attrs: { level: 100_000 }, content: [{ type: "text", text: "h" }] }), "level"],
  ["list start 1e9", doc({ type: "orderedList", attrs: { start: 1_000_000_000 }, content: [{ type: "listItem", content: [p()] }] }), "start"],
  ["list start 0", doc({ type: "orderedList", attrs: { start: 0 }, content: [{ type: "listItem", content: [p()] }] }), "start"],
  ["image width 100000", doc({ type: "image", attrs: { src: "https://a.example/x.png", width: 100_000 } }), "width"],
  ["image height as text", doc({ type: "image", attrs: { src: "https://a.example/x.png", height: "99999" } }), "height"],
];

/**
 * Every number at its bound: 50 columns of 2000 px, a cell spanning 50 rows, the last list
 * number, the largest image. (Its cost is that of its ~50 cells, as for any table of that size.)
 */
const LARGEST = doc(
  table(
    row(cell({ colspan: 50, colwidth: Array.from({ length: 50 }, () => 2000) }, "tableHeader")),
    row(cell({ rowspan: 50 }), cell()),
    ...Array.from({ length: 49 }, () => row(cell())),
  ),
  { type: "heading", attrs: { level: 4 }, content: [{ type: "text", text: "四级标题" }] },
  { type: "orderedList", attrs: { start: 100_000 }, content: [{ type: "listItem", content: [p()] }] },
  { type: "image", attrs: { src: "https://a.example/x.png", width: 10_000, height: 10_000 } },
);

const article = (bodyJson: RichTextNode) => ({ title: "数值上限", columnId, bodyJson });

describe("numeric attributes of the body", () => {
  it("are refused past their bounds on create and on save, with a message naming the attribute", async () => {
    const created = await createArticleAction(article(doc(p())));
    if (!created.ok) throw new Error(created.error);
    for (const [name, body, attribute] of TOO_LARGE) {
      for (const result of [
        await createArticleAction(article(body)),
        await saveArticleAction({ ...article(body), id: created.data.id, baseVersion: created.data.version }),
      ]) {
        expect(result.ok, name).toBe(false);
        if (result.ok) continue;
        expect(result.code, name).toBe("invalid");
        const messages = Object.values(result.fieldErrors ?? {}).flat().join(" ");
        expect(messages, name).toContain(attribute);
        expect(messages, name).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    // Nothing was written by the refused saves.
    expect(await db().articleRevision.count({ where: { articleId: created.data.id } })).toBe(1);
  });

  it("at their largest are accepted and render quickly", async () => {
    const result = await createArticleAction(article(LARGEST));
    expect(result.ok).toBe(true);
    const started = performance.now();
    const { bodyHtml } = prepareBody(LARGEST);
    // colspan 20000 took 3.5 s here before the bounds; this takes a few milliseconds.
    expect(performance.now() - started).toBeLessThan(500);
    expect(bodyHtml).toContain('colspan="50"');
    expect(bodyHtml).toContain('start="100000"');
    expect(bodyHtml).toContain('rowspan="50"');
  });

  it("in pasted or stored HTML are dropped past their bounds by the allowlist", () => {
    const pasted = htmlToRichText(
      '<table><tr><td colspan="100000" rowspan="100000" colwidth="999999">甲</td></tr></table><ol start="1000000000"><li>一</li></ol><img src="https://a.example/x.png" width="100000" height="99999">',
    );
    const html = prepareBody(pasted).bodyHtml;
    expect(html).not.toMatch(/100000|999999|1000000000|99999/);
  });
});

describe("the editor's reading of pasted HTML", () => {
  it("keeps spans, widths and sizes within their bounds, and leaves out the rest", () => {
    const parsed = htmlToRichText('<table><tr><td colspan="2" colwidth="120,80">甲</td><td>乙</td></tr><tr><td>丙</td><td>丁</td><td>戊</td></tr></table><img src="https://a.example/x.png" width="553.5" height="300">');
    const cells = parsed.content![0].content![0].content!;
    expect(cells[0].attrs).toMatchObject({ colspan: 2, rowspan: 1, colwidth: [120, 80] });
    expect(parsed.content![1].attrs).toMatchObject({ width: 553.5, height: 300 });
    // Straight into the editor (a paste in the browser), without the allowlist first.
    const raw = generateJSON('<table><tr><td colspan="100000" rowspan="100000" colwidth="9999999">甲</td></tr></table><img src="https://a.example/x.png" width="100000">', editorExtensions()) as RichTextNode;
    expect(raw.content![0].content![0].content![0].attrs).toMatchObject({ colspan: 1, rowspan: 1, colwidth: null });
    expect(raw.content![1].attrs).toMatchObject({ width: null });
  });
});
