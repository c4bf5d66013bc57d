"use client";

import { imagesMissingAlt } from "@/lib/articles/editor-model";
import type { SaveResult } from "@/lib/articles/editor-model";
import type { RichTextNode } from "@/lib/sanitize/tiptap-schema";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";

function externalImages(doc: RichTextNode): number {
  let n = 0;
  const walk = (node: RichTextNode) => {
    if (node.type === "image" && /^https?:/i.test(String(node.attrs?.src ?? ""))) n++;
    node.content?.forEach(walk);
  };
  walk(doc);
  return n;
}

/** What to fix before submitting: 敏感词 found at the last save, pictures without a description or still elsewhere. */
export function EditorChecks({ doc, words, pendingUploads }: { doc: RichTextNode; words: SaveResult["words"]; pendingUploads: number }) {
  const a = t.articlesAdmin;
  const missingAlt = imagesMissingAlt(doc);
  const external = externalImages(doc);
  const items: { tone: "error" | "warning" | "info"; text: string }[] = [];
  for (const w of words) {
    items.push({
      tone: w.blocking ? "error" : "warning",
      text: fill(w.blocking ? a.blockingWord : a.warningWord, { word: w.word, count: w.count }) + (w.replacement ? fill(a.suggestion, { replacement: w.replacement }) : ""),
    });
  }
  if (missingAlt) items.push({ tone: "warning", text: fill(a.missingAlt, { n: missingAlt }) });
  if (external) items.push({ tone: "warning", text: fill(a.externalImages, { n: external }) });
  if (pendingUploads) items.push({ tone: "info", text: fill(a.pendingUploads, { n: pendingUploads }) });
  return items.length ? (
    <ul className="checks" data-testid="editor-checks">
      {items.map((item, i) => (
        <li key={i} className={`is-${item.tone}`}>
          {item.text}
        </li>
      ))}
    </ul>
  ) : (
    <p className="muted">{a.checksClear}</p>
  );
}
