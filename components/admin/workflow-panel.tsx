import Link from "next/link";
import { APPROVAL_TEXT } from "@/lib/approval/text";
import type { SessionUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/date";
import { zoneOffset } from "@/lib/format/zone";
import { t } from "@/lib/i18n/zh-CN";
import { ACTION_LABELS, type WorkflowAction } from "@/lib/workflow/transitions";
import { getWorkflowHistory, getWorkflowOptions } from "@/lib/workflow/queries";
import { WorkflowActions } from "./workflow-actions";

const LEVEL_NAMES = ["", "一审", "二审", "三审"];

/**
 * Status, the actions this user may take now, and the article's history. `version` is
 * the one the page shows: an approval from here approves that version and no other.
 */
export async function WorkflowPanel({ articleId, version, user }: { articleId: number; version: number; user: SessionUser }) {
  const [options, history] = await Promise.all([getWorkflowOptions(articleId, user), getWorkflowHistory(articleId)]);
  if (!options) return null;
  const { article, reviewLevels, actions } = options;
  const progress =
    article.status === "IN_REVIEW"
      ? `待${LEVEL_NAMES[article.reviewLevel + 1]}（共${LEVEL_NAMES[reviewLevels]}，已通过 ${article.reviewLevel} 级）`
      : "";
  return (
    <section className="workflow-panel" aria-labelledby="workflow-heading" data-testid="workflow-panel">
      <h2 id="workflow-heading">审核与发布</h2>
      <p className="workflow-status">
        状态：
        <span className={`badge badge-${article.status.toLowerCase()}`} data-testid="workflow-status">
          {t.admin[`status_${article.status}`]}
        </span>
        {progress && <span className="workflow-progress">{progress}</span>}
        {article.live && article.status !== "PUBLISHED" && <span className="workflow-note">（网站上仍显示上一个已发布版本）</span>}
      </p>
      {article.scheduledAt && article.status === "SCHEDULED" && (
        <p>定时发布：{formatDateTime(article.scheduledAt)}</p>
      )}
      {article.status === "WITHDRAWN" && article.withdrawnReason && <p>撤稿原因：{article.withdrawnReason}</p>}
      <WorkflowActions articleId={articleId} version={version} actions={actions} wasLive={article.live} zoneOffset={zoneOffset()} />
      <p><Link href={`/admin/articles/${articleId}/approval-form`}>{APPROVAL_TEXT.link}</Link></p>
      <h3>流转记录</h3>
      {history.length === 0 ? (
        <p className="muted">尚无记录。</p>
      ) : (
        <ol className="workflow-history">
          {history.map((event) => (
            <li key={event.id}>
              <time dateTime={event.createdAt.toISOString()}>{formatDateTime(event.createdAt)}</time>{" "}
              <strong>{event.actor?.name ?? "系统"}</strong> {ACTION_LABELS[event.action as WorkflowAction] ?? event.action}
              {event.action === "approve" && `（${LEVEL_NAMES[event.level]}${event.version ? `，第 ${event.version} 版` : ""}）`}
              {event.action === "restart" && event.version && `（第 ${event.version} 版）`}
              {event.comment && event.action !== "schedule" && <q>{event.comment}</q>}
              {event.action === "schedule" && event.comment && `：${formatDateTime(new Date(event.comment))}`}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
