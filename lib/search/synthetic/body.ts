import { prepareBody, type PreparedBody } from "@/lib/articles/body";
import type { RichTextNode } from "@/lib/sanitize/tiptap";
import type { SyntheticBlock } from "./compose";

/**
 * Bodies of plain paragraphs and headings, stored exactly as prepareBody() would store
 * them. prepareBody renders through Tiptap (~15 ms a body), far too slow for 100,000
 * articles; for these two node types the result is simple enough to write directly.
 * assertMatchesPrepareBody() checks that claim against the real renderer before a run,
 * so a change to the renderer cannot make generated rows differ from saved ones.
 */
export function blocksToDoc(blocks: readonly SyntheticBlock[]): RichTextNode {
  return {
    type: "doc",
    content: blocks.map((block) =>
      block.type === "heading"
        ? { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: block.text }] }
        : { type: "paragraph", content: [{ type: "text", text: block.text }] },
    ),
  };
}

export function renderBlocks(blocks: readonly SyntheticBlock[]): PreparedBody {
  return {
    bodyJson: blocksToDoc(blocks),
    bodyHtml: blocks.map((b) => (b.type === "heading" ? `<h2>${escapeHtml(b.text)}</h2>` : `<p>${escapeHtml(b.text)}</p>`)).join(""),
    bodyText: blocks.map((b) => b.text).join("\n"),
  };
}

export function assertMatchesPrepareBody(blocks: readonly SyntheticBlock[]): void {
  const fast = renderBlocks(blocks);
  const real = prepareBody(blocksToDoc(blocks));
  if (fast.bodyHtml !== real.bodyHtml || fast.bodyText !== real.bodyText) {
    throw new Error(
      "The generator's body rendering no longer matches prepareBody(); update lib/search/synthetic/body.ts.\n" +
        `expected ${real.bodyHtml}\n     got ${fast.bodyHtml}`,
    );
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
