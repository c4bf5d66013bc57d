import { importWordAction } from "@/lib/articles/import-word";
import { DOCX_LIMITS } from "@/lib/import/docx/limits";
import { docxProblemMessage } from "@/lib/import/docx/report";
import { ACTION_STATUS, readFileForm } from "@/lib/media/upload-request";

export const dynamic = "force-dynamic";

function id(value: FormDataEntryValue | null): number | null {
  return typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : null;
}

/**
 * 导入 Word 文档 (multipart: file, mode = draft | body, columnId, articleId). A route
 * handler, as for uploads, so that a document with pictures streams in under its own
 * limit; the work is the `article.importWord` action (session, role, zod, then the
 * column or article permission inside).
 */
export async function POST(request: Request) {
  const read = await readFileForm(request, { maxBytes: DOCX_LIMITS.fileBytes, tooLarge: docxProblemMessage("too-large"), noFile: "请选择要导入的 .docx 文件。" });
  if (read instanceof Response) return read;
  const { form, file } = read;
  const result = await importWordAction({
    mode: form.get("mode"),
    columnId: id(form.get("columnId")),
    articleId: id(form.get("articleId")),
    name: file.name,
    data: new Uint8Array(await file.arrayBuffer()),
  });
  return Response.json(result, { status: result.ok ? 200 : ACTION_STATUS[result.code] });
}
