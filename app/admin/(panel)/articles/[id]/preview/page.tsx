import type { Metadata } from "next";
import Link from "@/components/admin/link";
import { notFound } from "next/navigation";
import { canSee } from "@/lib/articles/admin-queries";
import { PreviewFrame } from "@/components/admin/preview-frame";
import { displayTitle } from "@/lib/articles/format";
import { getPreviewContent } from "@/lib/articles/preview";
import { requireUser } from "@/lib/auth/session";
import "@/components/admin/authoring.css";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";

export const metadata: Metadata = { title: t.articlesAdmin.preview };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ revision?: string }> };

/** The preview page: the article as the public will see it, at desktop or phone width, in a frame. */
export default async function PreviewPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id: raw } = await params;
  const { revision } = await searchParams;
  if (!/^[1-9]\d{0,8}$/.test(raw) || (revision && !/^[1-9]\d{0,9}$/.test(revision))) notFound();
  const content = await getPreviewContent(Number(raw), revision ? Number(revision) : undefined);
  if (!content) notFound();
  if (!canSee(user, content)) notFound();
  const a = t.articlesAdmin;
  const frame = `/preview/articles/${raw}${revision ? `?revision=${revision}` : ""}`;
  return (
    <section className="preview-page">
      <header className="page-header">
        <div>
          <p className="editor-crumbs">
            <Link href="/admin/articles">{t.admin.articles}</Link> › <Link href={`/admin/articles/${raw}`}>{displayTitle(content.view.title, content.view.titleTags)}</Link> › {a.preview}
          </p>
          <h1>{fill(a.previewTitle, { n: content.version })}</h1>
          <p className="muted">
            {revision ? a.previewRevision : a.previewLatest}
            {a.previewNoCount}
          </p>
        </div>
        <Link className="button" href={`/admin/articles/${raw}`}>
          {a.backToEditor}
        </Link>
      </header>
      <PreviewFrame src={frame} />
    </section>
  );
}
