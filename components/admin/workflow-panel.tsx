import Link from "@/components/admin/link";
import { APPROVAL_TEXT } from "@/lib/approval/text";
import type { SessionUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/date";
import { zoneLabel, zoneOffset } from "@/lib/format/zone";
import { t } from "@/lib/i18n/zh-CN";
import { ACTION_LABELS, LEVEL_NAMES, type WorkflowAction } from "@/lib/workflow/transitions";
import { getWorkflowHistory, getWorkflowOptions } from "@/lib/workflow/queries";
import { isCountersign } from "@/lib/workflow/reviewers";
import { changesSincePublished } from "@/lib/articles/revisions";
import { InterpretationWarning } from "./interpretation-warning";
import { WorkflowActions } from "./workflow-actions";

/**
 * Status, the actions this user may take now, and the article's history. `version` is
 * the one the page shows: an approval from here approves that version and no other.
 */
export async function WorkflowPanel({ articleId, version, user }: { articleId: number; version: number; user: SessionUser }) {
  const [options, history] = await Promise.all([getWorkflowOptions(articleId, user), getWorkflowHistory(articleId)]);
  if (!options) return null;
  const sincePublished = await changesSincePublished(articleId, options.article.liveRevisionId);
  const { article, reviewLevels, actions, review, people, noApprovalReason, approvalIsLast } = options;
  const offset = zoneOffset();
  const progress =
    article.status === "IN_REVIEW"
      ? `待${LEVEL_NAMES[article.reviewLevel + 1]}（共${LEVEL_NAMES[reviewLevels]}，已通过 ${article.reviewLevel} 级）`
      : "";
  return (
    <section className="workflow-panel" aria-labelledby="workflow-heading" data-testid="workflow-panel">
      <h2 id="workflow-heading" tabIndex={-1}>审核与发布</h2>
      <p className="workflow-status">
        状态：
        <span className={`badge badge-${article.status.toLowerCase()}`} data-testid="workflow-status">
          {t.admin[`status_${article.status}`]}
        </span>
        {progress && <span className="workflow-progress">{progress}</span>}
        {article.live && article.status !== "PUBLISHED" && <span className="workflow-note">（网站上仍显示上一个已发布版本）</span>}
      </p>
      {review && people && (
        <p className="workflow-level" data-testid="workflow-level">
          {isCountersign(review.rule) ? "本级会签，须全部指定人员审核通过。" : review.rule.named.length > 0 ? "本级或签，任一指定人员审核通过即可。" : "本级由栏目任一审核人员审核。"}
          {people.signed.length > 0 && <> 已审核：{people.signed.join("、")}。</>}
          {people.waiting && <> 待审核：{people.waiting.length > 0 ? people.waiting.join("、") : "无可审核的人员，请管理员调整栏目的审核设置"}。</>}
        </p>
      )}
      {article.proposedPublishAt && article.status === "IN_REVIEW" && (
        <p data-testid="workflow-proposed">
          拟发布时间：{formatDateTime(article.proposedPublishAt)}（{zoneLabel(offset)}）
        </p>
      )}
      <InterpretationWarning articleId={articleId} />
      {article.scheduledAt && article.status === "SCHEDULED" && (
        <p>
          定时发布：{formatDateTime(article.scheduledAt)}（{zoneLabel(offset)}）
        </p>
      )}
      {noApprovalReason && (
        <p className="muted" data-testid="workflow-no-approval">
          您不能审核通过本级：{noApprovalReason}
        </p>
      )}
      {article.status === "WITHDRAWN" && article.withdrawnReason && <p>撤稿原因：{article.withdrawnReason}</p>}
      <ReviewLinks articleId={articleId} sincePublished={sincePublished} />
      <WorkflowActions
        articleId={articleId}
        version={version}
        actions={actions}
        wasLive={article.live}
        zoneOffset={offset}
        approvalIsLast={approvalIsLast}
        proposedPublishAt={article.proposedPublishAt?.toISOString() ?? null}
      />
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
              {event.action === "sendBack" && `（退回至${LEVEL_NAMES[event.level]}，该级须重新审核）`}
              {event.action === "reject" && "（退回作者）"}
              {event.action === "restart" && event.version && `（第 ${event.version} 版）`}
              {event.comment && event.action !== "schedule" && <q>{event.comment}</q>}
              {event.action === "schedule" && event.comment && `：${formatDateTime(new Date(event.comment))}（${zoneLabel(offset)}）`}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * Before deciding: the article as it will look when published (the preview page, in this
 * window — on a phone a new tab is a detour), and what changed (since the last published
 * version when there is one, else the newest saves).
 */
function ReviewLinks({ articleId, sincePublished }: { articleId: number; sincePublished: { from: number; to: number } | null }) {
  const a = t.articlesAdmin;
  const base = `/admin/articles/${articleId}`;
  return (
    <ul className="workflow-links" aria-label={a.reviewLinks}>
      <li>
        <Link href={`${base}/preview`}>{a.reviewPreview}</Link>
      </li>
      <li>
        {sincePublished ? (
          <Link href={`${base}/revisions?from=${sincePublished.from}&to=${sincePublished.to}`}>{a.reviewChangesSincePublished}</Link>
        ) : (
          <Link href={`${base}/revisions`}>{a.reviewChanges}</Link>
        )}
      </li>
    </ul>
  );
}
