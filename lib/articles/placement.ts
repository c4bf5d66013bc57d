import "server-only";
import { ActionError } from "@/lib/actions/errors";
import { auditBy, type AuditActor } from "@/lib/audit/by";
import { can, type Actor } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/client";
import { scopeOf } from "./content";

/**
 * Where an article is shown on the public site: its column, 公开日期, 置顶 and 头条. They
 * live on the article row, which the public reads, and not in revisions: for a live
 * article they are the public site's placement, not part of a draft. So a save may
 * change them only when the user may publish — taking effect at once and audited as
 * "article.placement" with before and after — and never so that the article leaves the
 * site (撤稿 does that, with a reason). Content, the cover and its alt text go through
 * review and reach the public on publication (the live revision).
 */
export interface Placement {
  columnId: number;
  publishedAt: Date | null;
  pinned: boolean;
  headline: boolean;
}

export const placementOf = (row: Placement): Placement => ({ columnId: row.columnId, publishedAt: row.publishedAt, pinned: row.pinned, headline: row.headline });

export function samePlacement(a: Placement, b: Placement): boolean {
  return a.columnId === b.columnId && a.pinned === b.pinned && a.headline === b.headline && a.publishedAt?.getTime() === b.publishedAt?.getTime();
}

/** For the audit log: the placement in plain values. */
export const placementDetail = (p: Placement) => ({ ...p, publishedAt: p.publishedAt?.toISOString() ?? null });

/**
 * A live article's placement is the public site's: it never leaves the site by a save
 * (only 撤稿 takes it down, with a reason), and only who may publish moves it.
 */
export function assertMayMoveLive(actor: AuditActor & Actor, before: Placement & Parameters<typeof scopeOf>[0], next: Placement, now: Date) {
  const dateMoved = before.publishedAt?.getTime() !== next.publishedAt?.getTime();
  if (dateMoved && (!next.publishedAt || next.publishedAt.getTime() > now.getTime())) {
    throw new ActionError(
      "invalid",
      "这篇文章已在网站上公开，公开日期不能清空或改到将来（那样文章会从网站上消失）。如需下线，请使用“撤稿”并填写原因。",
      { fieldErrors: { publishedAt: ["已公开文章的公开日期不能晚于当前时间"] } },
    );
  }
  const scope = scopeOf(before);
  if (!can(actor, "article:publish", scope) || !can(actor, "article:publish", { ...scope, columnId: next.columnId })) {
    throw new ActionError(
      "forbidden",
      "这篇文章已在网站上公开：调整栏目、公开日期、置顶或头条会立即改变网站，须由有发布权限的人员操作。请只修改内容后送审，或请审核人员调整。",
    );
  }
}

export async function auditPlacement(tx: Prisma.TransactionClient, actor: AuditActor & Actor, id: number, before: Placement, after: Placement) {
  await auditBy(actor, { action: "article.placement", targetType: "article", targetId: id, detail: { before: placementDetail(placementOf(before)), after: placementDetail(after) } }, tx);
}
