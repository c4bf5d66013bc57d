"use client";

import type { RemoteSummary } from "@/components/editor/remote-images";
import { imagesMissingAlt } from "@/lib/articles/editor-model";
import type { SaveResult } from "@/lib/articles/editor-model";
import type { RichTextNode } from "@/lib/sanitize/tiptap-schema";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";

/** The addresses of the body's pictures on other sites, one per picture. */
function externalImages(doc: RichTextNode): string[] {
  const srcs: string[] = [];
  const walk = (node: RichTextNode) => {
    if (node.type === "image" && /^https?:/i.test(String(node.attrs?.src ?? ""))) srcs.push(String(node.attrs?.src));
    node.content?.forEach(walk);
  };
  walk(doc);
  return srcs;
}

/**
 * What to fix before submitting: 敏感词 found at the last save, pictures without a
 * description, pictures still on other sites (being brought home, failed, or not tried).
 */
export function EditorChecks({ doc, words, pendingUploads, remoteImages }: { doc: RichTextNode; words: SaveResult["words"]; pendingUploads: number; remoteImages?: RemoteSummary }) {
  const a = t.articlesAdmin;
  const R = t.remoteImages;
  const missingAlt = imagesMissingAlt(doc);
  const external = externalImages(doc);
  // Only failures of pictures still in the text: a deleted one is no longer a problem.
  const failures = new Map((remoteImages?.failures ?? []).map((f) => [f.src, f.reason]));
  const failed = external.filter((src) => failures.has(src));
  const untried = external.length - failed.length - (remoteImages?.active ?? 0);
  const items: { tone: "error" | "warning" | "info"; text: string }[] = [];
  for (const w of words) {
    items.push({
      tone: w.blocking ? "error" : "warning",
      text: fill(w.blocking ? a.blockingWord : a.warningWord, { word: w.word, count: w.count }) + (w.replacement ? fill(a.suggestion, { replacement: w.replacement }) : ""),
    });
  }
  if (missingAlt) items.push({ tone: "warning", text: fill(a.missingAlt, { n: missingAlt }) });
  if (failed.length) items.push({ tone: "warning", text: fill(R.failedCheck, { n: failed.length, reasons: [...new Set(failed.map((src) => failures.get(src)))].join("、") }) });
  if (remoteImages?.active) items.push({ tone: "info", text: fill(R.progress, { n: remoteImages.active }) });
  if (untried > 0) items.push({ tone: "warning", text: fill(R.external, { n: untried }) });
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
