import { notFound } from "next/navigation";
import { canSee } from "@/lib/articles/admin-queries";
import { ArticleView } from "@/components/site/article-view";
import { Breadcrumb } from "@/components/site/breadcrumb";
import { getPreviewContent } from "@/lib/articles/preview";
import { requireUser } from "@/lib/auth/session";
import { t } from "@/lib/i18n/zh-CN";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ revision?: string }> };

/** The article (working copy or one revision) exactly as its public page lays it out; no view is counted. */
export default async function ArticlePreviewFrame({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const { revision } = await searchParams;
  if (!/^[1-9]\d{0,8}$/.test(id) || (revision && !/^[1-9]\d{0,9}$/.test(revision))) notFound();
  const content = await getPreviewContent(Number(id), revision ? Number(revision) : undefined);
  if (!content) notFound();
  if (!canSee(user, content)) notFound();
  return (
    <div className="container article-page">
      <Breadcrumb items={[...content.columnPath.map((c) => ({ label: c.name, href: `/columns/${c.slug}` })), { label: t.site.body }]} />
      <div className="article-sheet">
        <ArticleView article={content.view} mode="preview" />
      </div>
    </div>
  );
}
