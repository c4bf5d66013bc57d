"use client";

import { imagesMissingAlt } from "@/lib/articles/editor-model";
import type { SaveResult } from "@/lib/articles/editor-model";
import type { RichTextNode } from "@/lib/sanitize/tiptap-schema";

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
  const missingAlt = imagesMissingAlt(doc);
  const external = externalImages(doc);
  const items: { tone: "error" | "warning" | "info"; text: string }[] = [];
  for (const w of words) {
    items.push({
      tone: w.blocking ? "error" : "warning",
      text: `${w.blocking ? "禁用词" : "提示词"}“${w.word}”出现 ${w.count} 次${w.replacement ? `，建议改为“${w.replacement}”` : ""}`,
    });
  }
  if (missingAlt) items.push({ tone: "warning", text: `${missingAlt} 张图片缺少替代文字（点图片后填写）` });
  if (external) items.push({ tone: "warning", text: `${external} 张图片引用外部网站，发布前请下载后重新上传` });
  if (pendingUploads) items.push({ tone: "info", text: `${pendingUploads} 张图片正在上传` });
  return items.length ? (
    <ul className="checks" data-testid="editor-checks">
      {items.map((item, i) => (
        <li key={i} className={`is-${item.tone}`}>
          {item.text}
        </li>
      ))}
    </ul>
  ) : (
    <p className="muted">未发现问题。</p>
  );
}
