"use client";

import type { Editor } from "@tiptap/core";
import { closeHistory } from "@tiptap/pm/history";
import { useEffect, useRef, useState } from "react";
import { Dialog } from "@/components/editor/dialog";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";
import { wordImportNeedsAttention, wordImportSummary } from "@/lib/import/docx/report";
import type { RichTextNode } from "@/lib/sanitize/tiptap-schema";
import { takeImportReport } from "./word-import-dialog";
import { importWordFile } from "./word-import-client";

interface WordImportButtonProps {
  editor: Editor | null;
  articleId: number | null;
  columnId: number | null;
  title: string;
  disabled: boolean;
  onTitle: (title: string) => void;
  notify: (text: string, tone?: "info" | "warning" | "error") => void;
}

/**
 * 导入 Word 文档 in the editor: a .docx becomes the body (after a confirmation when
 * there is one already) or is added at its end. Only the editor changes — one undo
 * step —, the usual save stores it; a file that cannot be imported changes nothing.
 * Also shows, once, the report of the import that made this draft from the list page.
 */
export function WordImportButton({ editor, articleId, columnId, title, disabled, onTitle, notify }: WordImportButtonProps) {
  const w = t.wordImport;
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const report = takeImportReport(articleId);
    if (report) notify(report.text, report.warning ? "warning" : "info");
    // Once, for the article the page opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const bodyIsEmpty = () => !editor || (editor.isEmpty && !editor.getJSON().content?.some((n) => n.type !== "paragraph"));

  async function run(file: File, how: "replace" | "append") {
    setPending(null);
    if (!editor) return;
    setBusy(true);
    try {
      const result = await importWordFile(file, { mode: "body", articleId, columnId });
      if (result.mode !== "body" || editor.isDestroyed) return;
      const messages: string[] = [];
      let blocks = result.body.content ?? [];
      if (result.title && !title.trim()) {
        onTitle(result.title);
        messages.push(fill(w.titleTaken, { title: result.title }));
      } else if (result.title && result.titleBlock && result.title !== title.trim()) {
        // The article keeps its own title; the document's stays at the top of the body.
        blocks = [result.titleBlock, ...blocks];
      }
      const chain = editor
        .chain()
        .focus()
        .command(({ tr }) => (closeHistory(tr), true));
      if (how === "replace") chain.setContent({ type: "doc", content: blocks } as RichTextNode, { emitUpdate: true }).run();
      else chain.insertContentAt(editor.state.doc.content.size, blocks).run();
      notify([wordImportSummary(result.report), ...messages].join(""), wordImportNeedsAttention(result.report) ? "warning" : "info");
    } catch (error) {
      notify((error as Error).message, "error");
    } finally {
      setBusy(false);
    }
  }

  function chosen(file: File | undefined) {
    if (input.current) input.current.value = "";
    if (!file) return;
    if (bodyIsEmpty()) void run(file, "replace");
    else setPending(file);
  }

  return (
    <>
      <button type="button" className="button" title={w.buttonHint} disabled={disabled || busy || !editor} onClick={() => input.current?.click()}>
        {busy ? w.importing : w.button}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={w.file}
        data-testid="word-import-file"
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        onChange={(e) => chosen(e.target.files?.[0])}
      />
      <Dialog
        open={!!pending}
        title={w.dialogTitle}
        onClose={() => setPending(null)}
        testId="word-import-confirm"
        footer={
          <>
            <span className="spacer" />
            <button type="button" className="button" onClick={() => setPending(null)}>
              {t.common.cancel}
            </button>
            <button type="button" className="button" onClick={() => pending && void run(pending, "append")}>
              {w.append}
            </button>
            <button type="button" className="button button-primary" onClick={() => pending && void run(pending, "replace")}>
              {w.replace}
            </button>
          </>
        }
      >
        <p>{w.bodyHasContent}</p>
      </Dialog>
    </>
  );
}
