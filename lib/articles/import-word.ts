import "server-only";
import { z } from "zod";
import { ActionError } from "@/lib/actions/errors";
import { action } from "@/lib/actions/safe-action";
import { auditBy } from "@/lib/audit/by";
import { assertCan, can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { DocxError } from "@/lib/import/docx/errors";
import { WordImportInvalid } from "@/lib/import/docx/errors";
import { importWordDocument, type PictureOutcome, type PictureToStore } from "@/lib/import/docx/import";
import { docxProblemMessage, type WordImportReport } from "@/lib/import/docx/report";
import { storeUpload } from "@/lib/media/upload";
import type { RichTextNode } from "@/lib/sanitize/tiptap-schema";
import { scopeOf } from "./content";
import { createArticle } from "./mutations";
import { articleContentSchema } from "./schema";

/**
 * 导入 Word 文档: a .docx (lib/import/docx) as a new draft in a column, or as the body
 * for the editor to put into the open article. Who may: whoever may write in that
 * column (a new draft) or edit that article — checked before the file is read, so a
 * refused user stores nothing. The pictures go through the media pipeline as the
 * importing user's uploads (content sniffed, re-encoded, renditions, deduplicated).
 * For the editor nothing is saved: the body comes back and the editor's own save
 * stores it, so a failed import — or one the user does not keep — changes no article.
 */
export const importWordSchema = z.object({
  mode: z.enum(["draft", "body"], { message: "导入方式无效" }),
  columnId: z.number().int().positive().nullable().default(null),
  articleId: z.number().int().positive().nullable().default(null),
  name: z.string().trim().min(1, "缺少文件名").max(255, "文件名过长"),
  data: z.instanceof(Uint8Array, { message: "请选择要导入的 .docx 文件。" }),
});
export type ImportWordInput = z.input<typeof importWordSchema>;

export type ImportWordResult =
  | { mode: "draft"; articleId: number; title: string; report: WordImportReport }
  | { mode: "body"; title: string | null; titleBlock: RichTextNode | null; body: RichTextNode; report: WordImportReport };

const EXTENSIONS: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp", "image/tiff": "tif" };

/** "通知.docx" → "通知": the file's name, for pictures and a draft without a title of its own. */
function baseName(name: string): string {
  const base = name.replace(/^.*[\\/]/, "").replace(/\.(docx|docm|dotx|doc|wps)$/i, "").trim();
  return (base || "Word 文档").slice(0, 120);
}

async function assertMayImport(input: z.output<typeof importWordSchema>, user: SessionUser): Promise<void> {
  const newDraft = (columnId: number) => ({ columnId, createdById: user.id, status: "DRAFT" as const, everPublished: false });
  if (input.mode === "draft" || !input.articleId) {
    assertCan(user, "article:create");
    if (input.mode === "draft" && !input.columnId) throw new ActionError("invalid", "请选择栏目。", { fieldErrors: { columnId: ["请选择栏目"] } });
    if (input.columnId) {
      assertCan(user, "article:edit", newDraft(input.columnId));
      const column = await db().column.findUnique({ where: { id: input.columnId }, select: { id: true } });
      if (!column) throw new ActionError("invalid", "所选栏目不存在，请重新选择。", { fieldErrors: { columnId: ["栏目不存在"] } });
    }
    return;
  }
  const article = await db().article.findUnique({ where: { id: input.articleId } });
  if (!article) throw new ActionError("not_found", "文章不存在或已被删除。");
  const scope = scopeOf(article);
  if (!can(user, "article:edit", scope) && article.status === "IN_REVIEW") throw new ActionError("forbidden", "文章正在审核中，审核完成或退回后才能修改。");
  assertCan(user, "article:edit", scope);
}

export async function importWord(input: z.output<typeof importWordSchema>, user: SessionUser): Promise<ImportWordResult> {
  await assertMayImport(input, user);
  const base = baseName(input.name);
  const storePicture = async (p: PictureToStore): Promise<PictureOutcome> => {
    const ext = EXTENSIONS[p.contentType.toLowerCase()] ?? "img";
    try {
      const stored = await storeUpload({ purpose: "image", name: `${base}-图${p.index + 1}.${ext}`, alt: p.alt.slice(0, 200), data: p.bytes }, user);
      if (stored.kind !== "image") return { ok: false, vector: false, reason: "" };
      return { ok: true, picture: { id: stored.id, src: stored.src, srcset: stored.srcset } };
    } catch (error) {
      // Refused by the pipeline (not a picture it reads, too large…): the picture is left out and reported.
      if (error instanceof ActionError && error.code === "invalid") return { ok: false, vector: false, reason: error.message };
      throw error;
    }
  };
  let imported;
  try {
    imported = await importWordDocument(input.data, storePicture);
  } catch (error) {
    if (error instanceof DocxError) throw new ActionError(error.problem === "busy" ? "rate_limited" : "invalid", docxProblemMessage(error.problem));
    if (error instanceof WordImportInvalid) throw new ActionError("invalid", `文档无法导入：${error.problems.join(" ")}`);
    throw error;
  }
  const detail = { name: input.name.slice(0, 255), size: input.data.length, mode: input.mode, pictures: imported.report.images.kept, tables: imported.report.tables, notes: imported.report.notes };
  if (input.mode === "draft") {
    const title = imported.title ?? base;
    const content = articleContentSchema.parse({ title, columnId: input.columnId, bodyJson: imported.body });
    const saved = await createArticle(content, user, "导入 Word 文档");
    await auditBy(user, { action: "article.importWord", targetType: "article", targetId: saved.id, detail });
    return { mode: "draft", articleId: saved.id, title, report: imported.report };
  }
  await auditBy(user, { action: "article.importWord", targetType: "article", ...(input.articleId ? { targetId: input.articleId } : {}), detail });
  return { mode: "body", title: imported.title, titleBlock: imported.titleBlock, body: imported.body, report: imported.report };
}

const STAFF = ["ADMIN", "REVIEWER", "EDITOR"] as const;

/** The import endpoint (app/api/articles/import) calls this: session, role and input checks as for every action. */
export const importWordAction = action({ name: "article.importWord", roles: STAFF, schema: importWordSchema }, (input, { user }) => importWord(input, user));
