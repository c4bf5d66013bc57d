import type { ImportWordResult } from "@/lib/articles/import-word";
import { t } from "@/lib/i18n/zh-CN";
import { DOCX_LIMITS } from "@/lib/import/docx/limits";
import { docxProblemMessage } from "@/lib/import/docx/report";

/** Sends a .docx to the import endpoint; resolves with what the server made of it, or throws an Error to show. */
export async function importWordFile(
  file: File,
  fields: { mode: "draft" | "body"; columnId?: number | null; articleId?: number | null },
): Promise<ImportWordResult> {
  // The server says the same; this spares sending a file it would refuse for its size.
  if (file.size > DOCX_LIMITS.fileBytes) throw new Error(docxProblemMessage("too-large"));
  if (file.size === 0) throw new Error(docxProblemMessage("empty"));
  const form = new FormData();
  form.set("file", file, file.name);
  form.set("mode", fields.mode);
  if (fields.columnId) form.set("columnId", String(fields.columnId));
  if (fields.articleId) form.set("articleId", String(fields.articleId));
  let response: Response;
  try {
    response = await fetch("/api/articles/import", { method: "POST", body: form, credentials: "same-origin" });
  } catch {
    throw new Error(t.editor.networkDown);
  }
  let body: { ok?: boolean; data?: ImportWordResult; error?: string } = {};
  try {
    body = await response.json();
  } catch {
    // A proxy's error page, not our JSON.
  }
  if (response.ok && body.ok && body.data) return body.data;
  throw new Error(body.error ?? (response.status === 413 ? docxProblemMessage("too-large") : t.common.unexpectedError));
}

/** Where the editor finds the report of a draft just made from a document (shown once on arrival). */
export const IMPORT_REPORT_KEY = (id: number) => `gazette-word-import:${id}`;
