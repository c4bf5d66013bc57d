import type { Metadata } from "next";
import Link from "next/link";
import { MediaLibrary } from "@/components/admin/media-library";
import { requireUser } from "@/lib/auth/session";
import { listMediaLibrary } from "@/lib/media/library";
import "@/components/admin/authoring.css";
import "@/components/editor/editor.css";

export const metadata: Metadata = { title: "媒体库" };

type Props = { searchParams: Promise<{ q?: string; kind?: string; page?: string }> };

export default async function MediaPage({ searchParams }: Props) {
  await requireUser();
  const query = await searchParams;
  const kind = query.kind === "IMAGE" || query.kind === "ATTACHMENT" ? query.kind : undefined;
  const q = (query.q ?? "").slice(0, 100);
  const page = Math.max(1, Number(query.page) || 1);
  const data = await listMediaLibrary({ kind, q, page, pageSize: 36 });
  const href = (p: number) => `/admin/media?${new URLSearchParams({ ...(q ? { q } : {}), ...(kind ? { kind } : {}), page: String(p) })}`;
  return (
    <section className="media-page">
      <header className="page-header">
        <h1>媒体库</h1>
      </header>
      <form className="list-filters" method="get" role="search" aria-label="查找媒体">
        <label className="field field-grow">
          <span>名称或替代文字</span>
          <input type="search" name="q" defaultValue={q} />
        </label>
        <label className="field">
          <span>类型</span>
          <select name="kind" defaultValue={kind ?? ""}>
            <option value="">全部</option>
            <option value="IMAGE">图片</option>
            <option value="ATTACHMENT">附件</option>
          </select>
        </label>
        <button type="submit" className="button button-primary">
          查找
        </button>
      </form>
      <MediaLibrary key={`${q}-${kind}-${data.page}`} items={data.items} />
      {data.items.length === 0 && <p className="empty-list">{q || kind ? "没有找到相符的文件。" : "还没有上传过文件。"}</p>}
      <nav className="list-pagination" aria-label="分页">
        <span className="list-total">共 {data.total} 个</span>
        {data.page > 1 && <Link href={href(data.page - 1)}>上一页</Link>}
        {data.pageCount > 1 && (
          <span>
            第 {data.page} / {data.pageCount} 页
          </span>
        )}
        {data.page < data.pageCount && <Link href={href(data.page + 1)}>下一页</Link>}
      </nav>
    </section>
  );
}
