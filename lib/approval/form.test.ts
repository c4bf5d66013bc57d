import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createDraft, createUser } from "@/test/factories";
import { pdfText } from "@/e2e/helpers/public-pdf";
import { db } from "@/lib/db/client";
import { runTransition, type TransitionInput } from "@/lib/workflow/mutations";
import { groupedHash, revisionContentHash } from "./content-hash";
import { loadApprovalForm } from "./form";
import { PdfFontMissingError, renderApprovalFormPdf } from "./pdf";
import { approvalFormView } from "./view";

setupTestDatabase();

type Who = Awaited<ReturnType<typeof createUser>>;
let column: { id: number };
let editor: Who, chief: Who, leader: Who, outsider: Who;
let articleId: number;

beforeAll(async () => {
  column = await createColumn(2);
  editor = await createUser("EDITOR", [column.id], "王编辑");
  chief = await createUser("REVIEWER", [column.id], "李科长");
  leader = await createUser("REVIEWER", [column.id], "张主任");
  outsider = await createUser("EDITOR", [], "外栏目编辑");
  const draft = await createDraft(editor.id, column.id, { title: "关于开展冬季安全生产检查的通知" });
  articleId = draft.id;
  const run = async (action: TransitionInput["action"], actor: Who, comment = "") => {
    const version = action === "approve" ? (await db().article.findUniqueOrThrow({ where: { id: articleId } })).version : undefined;
    await runTransition({ articleId, action, actor, comment, version });
  };
  await run("submit", editor);
  await run("approve", chief, "同意，请分管领导审定");
  await run("approve", leader, "同意发布");
  await run("publish", leader);
});

describe("发稿审签单", () => {
  it("records the round that published the article, the version and its content hash", async () => {
    const form = await loadApprovalForm(articleId, chief);
    expect(form).not.toBeNull();
    const revision = await db().articleRevision.findUniqueOrThrow({ where: { articleId_version: { articleId, version: 1 } } });
    expect(form!.contentHash).toBe(revisionContentHash(revision));
    const view = approvalFormView(form!);
    expect(view.head[0][0].value).toBe("关于开展冬季安全生产检查的通知");
    expect(view.head[2][1].value).toContain("王编辑");
    expect(view.levels.map((l) => [l.reviewer, l.opinion])).toEqual([
      ["李科长", "同意：同意，请分管领导审定"],
      ["张主任", "同意：同意发布"],
    ]);
    expect(view.foot.flat().find((f) => f.label === "审定版本")?.value).toBe("第 1 版");
    expect(view.foot.flat().find((f) => f.label === "发布人")?.value).toBe("张主任");
  });

  it("is shown only to staff who may see the article", async () => {
    expect(await loadApprovalForm(articleId, outsider)).toBeNull();
    expect(await loadApprovalForm(articleId, editor)).not.toBeNull();
  });

  it("renders an A4 PDF in Chinese whose text reads back: title, reviewers, hash", async () => {
    const form = (await loadApprovalForm(articleId, leader))!;
    const pdf = await renderApprovalFormPdf(approvalFormView(form));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(pdf);
    expect(text.replace(/\s+/g, "")).toContain("发稿审签单"); // letter-spaced, as forms print it
    expect(text).toContain("关于开展冬季安全生产检查的通知");
    expect(text).toContain("李科长");
    expect(text).toContain("张主任");
    expect(text.replace(/\s+/g, "")).toContain(form.contentHash!);
    expect(text).toContain(groupedHash(form.contentHash!).split(" ")[0]);
  });

  it("says which font is missing and how to install it", async () => {
    const form = (await loadApprovalForm(articleId, leader))!;
    const missing = "/nonexistent/NotoSerifCJK-Regular.ttc";
    const error = await renderApprovalFormPdf(approvalFormView(form), missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfFontMissingError);
    expect((error as Error).message).toContain(missing);
    expect((error as Error).message).toContain("fonts-noto-cjk");
  });
});
