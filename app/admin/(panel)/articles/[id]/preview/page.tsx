import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PreviewFrame } from "@/components/admin/preview-frame";
import { displayTitle } from "@/lib/articles/format";
import { getPreviewContent } from "@/lib/articles/preview";
import { requireUser } from "@/lib/auth/session";
import "@/components/admin/authoring.css";

export const metadata: Metadata = { title: "预览" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ revision?: string }> };

/** The preview page: the article as the public will see it, at desktop or phone width, in a frame. */
export default async function PreviewPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id: raw } = await params;
  const { revision } = await searchParams;
  if (!/^[1-9]\d{0,8}$/.test(raw) || (revision && !/^[1-9]\d{0,9}$/.test(revision))) notFound();
  const content = await getPreviewContent(Number(raw), revision ? Number(revision) : undefined);
  if (!content) notFound();
  if (user.role !== "ADMIN" && !user.columnIds.includes(content.columnId) && content.createdById !== user.id) notFound();
  const frame = `/preview/articles/${raw}${revision ? `?revision=${revision}` : ""}`;
  return (
    <section className="preview-page">
      <header className="page-header">
        <div>
          <p className="editor-crumbs">
            <Link href="/admin/articles">文章管理</Link> › <Link href={`/admin/articles/${raw}`}>{displayTitle(content.view.title, content.view.titleTags)}</Link> › 预览
          </p>
          <h1>预览（第 {content.version} 版）</h1>
          <p className="muted">{revision ? "这是修订记录中的一个版本。" : "这是最近保存的内容，发布后网站上将这样显示。"}预览不计入浏览次数。</p>
        </div>
        <Link className="button" href={`/admin/articles/${raw}`}>
          返回编辑
        </Link>
      </header>
      <PreviewFrame src={frame} />
    </section>
  );
}
