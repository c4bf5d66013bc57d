import type { Metadata } from "next";
import Link from "@/components/admin/link";
import { ArticleEditor } from "@/components/admin/article-editor";
import { blankEditorArticle, columnChoicesFor } from "@/lib/articles/admin-queries";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { zoneOffset } from "@/lib/format/zone";
import { listTopicNames } from "@/lib/topics/queries";
import { listCheckWords } from "@/lib/words/queries";
import { t } from "@/lib/i18n/zh-CN";

export const metadata: Metadata = { title: t.articlesAdmin.newArticle };

type Props = { searchParams: Promise<{ column?: string }> };

export default async function NewArticlePage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user, "article:create")) {
    return (
      <section className="gov-page">
        <h1>{t.articlesAdmin.newArticle}</h1>
        <p className="gov-notice">{t.articlesAdmin.noColumns}</p>
        <p>
          <Link href="/admin/articles">{t.articlesAdmin.backToList}</Link>
        </p>
      </section>
    );
  }
  const [columns, words, topics] = await Promise.all([columnChoicesFor(user), listCheckWords(), listTopicNames()]);
  const wanted = Number((await searchParams).column);
  const columnId = columns.some((c) => c.id === wanted) ? wanted : columns.length === 1 ? columns[0].id : null;
  return <ArticleEditor initial={blankEditorArticle(columnId)} columns={columns} topics={topics} media={{}} words={words} zoneOffset={zoneOffset()} />;
}
