import "server-only";
import { ActionError } from "@/lib/actions/errors";
import { createArticle, type ArticleActor } from "@/lib/articles/mutations";
import { articleContentSchema } from "@/lib/articles/schema";
import { auditBy } from "@/lib/audit/by";
import { fill } from "@/lib/i18n/fill";
import { annualReportText as R } from "@/lib/i18n/statistics";
import { getSiteSettings } from "@/lib/settings/queries";
import { annualReport } from "./annual-report";
import { annualReportDoc } from "./annual-table";
import type { AnnualReportDraftInput } from "./schema";

/**
 * 生成年度报表草稿: the year's report as a new draft article, through the normal creation
 * path (the column permission, the body's validation, rendering and sanitizing, the
 * first revision, the audit entry), ready to be submitted for review like any other.
 */
export async function createAnnualReportDraft(input: Required<AnnualReportDraftInput>, actor: ArticleActor): Promise<{ id: number }> {
  const [report, settings] = await Promise.all([annualReport(input.year), getSiteSettings()]);
  const siteName = settings.siteName;
  const content = articleContentSchema.safeParse({
    title: fill(R.draftArticleTitle, { site: siteName, year: input.year }),
    columnId: input.columnId,
    summary: `${siteName}${input.year}年度信息发布、专栏专题、解读回应情况。`,
    bodyJson: annualReportDoc(report, siteName),
  });
  if (!content.success) throw new ActionError("invalid", content.error.issues[0]?.message ?? "报表内容无效");
  const saved = await createArticle(content.data, actor, `${input.year}年度报表`);
  await auditBy(actor, { action: "statistics.annual-report-draft", targetType: "article", targetId: saved.id, detail: { year: input.year, columnId: input.columnId } });
  return { id: saved.id };
}
