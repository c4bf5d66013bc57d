"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Dialog } from "@/components/editor/dialog";
import { t } from "@/lib/i18n/zh-CN";
import { wordImportNeedsAttention, wordImportSummary, type WordImportReport } from "@/lib/import/docx/report";
import { ColumnOptions } from "./column-options";
import { IMPORT_REPORT_KEY, importWordFile } from "./word-import-client";

/**
 * 导入 Word 文档 on the article list: choose a column and a .docx; the server makes a
 * draft of it and the editor opens it, showing what the import kept and left out.
 */
export function WordImportDialog({ columns, defaultColumnId }: { columns: { id: number; name: string; depth: number }[]; defaultColumnId?: number }) {
  const w = t.wordImport;
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [columnId, setColumnId] = useState<number | null>(defaultColumnId ?? (columns.length === 1 ? columns[0].id : null));
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  async function start() {
    setError("");
    if (!columnId) return setError(w.noColumn);
    if (!file) return setError(w.noFile);
    setBusy(true);
    try {
      const result = await importWordFile(file, { mode: "draft", columnId });
      if (result.mode !== "draft") throw new Error(t.common.unexpectedError);
      try {
        sessionStorage.setItem(IMPORT_REPORT_KEY(result.articleId), JSON.stringify(result.report));
      } catch {
        // Private mode without storage: the draft opens all the same, without the report.
      }
      router.push(`/admin/articles/${result.articleId}`);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button" title={w.buttonHint} onClick={() => (setOpen(true), setError(""))}>
        {w.button}
      </button>
      <Dialog
        open={open}
        title={w.dialogTitle}
        onClose={() => !busy && setOpen(false)}
        testId="word-import-dialog"
        footer={
          <>
            <span className="spacer" />
            <button type="button" className="button" disabled={busy} onClick={() => setOpen(false)}>
              {t.common.cancel}
            </button>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void start()}>
              {busy ? w.importing : w.start}
            </button>
          </>
        }
      >
        <p className="field-hint">{w.dialogHint}</p>
        <label className="field">
          <span>{w.column}</span>
          <select value={columnId ?? ""} disabled={busy} onChange={(e) => setColumnId(Number(e.target.value) || null)}>
            <option value="">{w.chooseColumn}</option>
            <ColumnOptions columns={columns} />
          </select>
        </label>
        <label className="field">
          <span>{w.file}</span>
          <input
            type="file"
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            disabled={busy}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </Dialog>
    </>
  );
}

/** The report of an import that made this draft, once (the list page left it for the editor). */
export function takeImportReport(articleId: number | null): { text: string; warning: boolean } | null {
  if (!articleId) return null;
  try {
    const key = IMPORT_REPORT_KEY(articleId);
    const raw = sessionStorage.getItem(key);
    if (!raw) return null;
    sessionStorage.removeItem(key);
    const report = JSON.parse(raw) as WordImportReport;
    return { text: wordImportSummary(report), warning: wordImportNeedsAttention(report) };
  } catch {
    return null;
  }
}
