import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleEditor } from "@/components/admin/article-editor";
import { WorkflowPanel } from "@/components/admin/workflow-panel";
import { canSee, columnChoicesFor, getArticleForEditor } from "@/lib/articles/admin-queries";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { zoneOffset } from "@/lib/format/zone";
import { getMediaItems } from "@/lib/media/library";
import { listTopicNames } from "@/lib/topics/queries";
import { listCheckWords } from "@/lib/words/queries";
import { t } from "@/lib/i18n/zh-CN";

export const metadata: Metadata = { title: t.articlesAdmin.editArticle.replace(" #{id}", "") };

type Props = { params: Promise<{ id: string }> };

export default async function EditArticlePage({ params }: Props) {
  const user = await requireUser();
  const { id: raw } = await params;
  if (!/^[1-9]\d{0,8}$/.test(raw)) notFound();
  const found = await getArticleForEditor(Number(raw));
  if (!found) notFound();
  const { article, scope } = found;
  if (!canSee(user, scope)) notFound();
  const editable = can(user, "article:edit", scope);
  const readOnlyReason = editable
    ? undefined
    : scope.status === "IN_REVIEW"
      ? t.articlesAdmin.readOnlyInReview
      : t.articlesAdmin.readOnly;
  // A live article's column, 公开日期 and flags are the public site's: only who may publish moves them.
  const placement = article.live ? (can(user, "article:publish", scope) ? "live" : "locked") : "draft";
  const [columns, media, words, topics] = await Promise.all([
    columnChoicesFor(user, scope.columnId),
    getMediaItems([...(article.coverId ? [article.coverId] : []), ...article.attachments.map((a) => a.mediaId)]),
    listCheckWords(),
    listTopicNames(),
  ]);
  return (
    <ArticleEditor
      key={article.id}
      initial={article}
      columns={columns}
      topics={topics}
      media={Object.fromEntries(media.map((m) => [m.id, m]))}
      words={words}
      zoneOffset={zoneOffset()}
      readOnlyReason={readOnlyReason}
      placement={placement}
      workflow={<WorkflowPanel articleId={article.id!} version={article.version} user={user} />}
    />
  );
}
