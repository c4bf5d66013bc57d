import type { Metadata } from "next";
import Link from "@/components/admin/link";
import { MediaLibrary } from "@/components/admin/media-library";
import { requireUser } from "@/lib/auth/session";
import { listMediaLibrary } from "@/lib/media/library";
import "@/components/admin/authoring.css";
import "@/components/editor/editor.css";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";

export const metadata: Metadata = { title: t.articlesAdmin.media };

type Props = { searchParams: Promise<{ q?: string; kind?: string; page?: string }> };

export default async function MediaPage({ searchParams }: Props) {
  const user = await requireUser();
  const a = t.articlesAdmin;
  const query = await searchParams;
  const kind = query.kind === "IMAGE" || query.kind === "ATTACHMENT" ? query.kind : undefined;
  const q = (query.q ?? "").slice(0, 100);
  const page = Math.max(1, Number(query.page) || 1);
  const data = await listMediaLibrary(user, { kind, q, page, pageSize: 36 });
  const href = (p: number) => `/admin/media?${new URLSearchParams({ ...(q ? { q } : {}), ...(kind ? { kind } : {}), page: String(p) })}`;
  return (
    <section className="media-page">
      <header className="page-header">
        <h1>{a.media}</h1>
        {user.role !== "ADMIN" && <p className="muted">{a.mediaScope}</p>}
      </header>
      <form className="list-filters" method="get" role="search" aria-label={a.mediaSearch}>
        <label className="field field-grow">
          <span>{a.mediaQuery}</span>
          <input type="search" name="q" defaultValue={q} />
        </label>
        <label className="field">
          <span>{a.mediaKind}</span>
          <select name="kind" defaultValue={kind ?? ""}>
            <option value="">{a.mediaAll}</option>
            <option value="IMAGE">{a.mediaImages}</option>
            <option value="ATTACHMENT">{a.mediaFiles}</option>
          </select>
        </label>
        <button type="submit" className="button button-primary">
          {a.mediaFind}
        </button>
      </form>
      <MediaLibrary key={`${q}-${kind}-${data.page}`} items={data.items} />
      {data.items.length === 0 && <p className="empty-list">{q || kind ? a.mediaNoMatch : a.mediaEmpty}</p>}
      <nav className="list-pagination" aria-label={a.pagination}>
        <span className="list-total">{fill(a.mediaTotal, { n: data.total })}</span>
        {data.page > 1 && <Link href={href(data.page - 1)}>{t.editor.previousPage}</Link>}
        {data.pageCount > 1 && (
          <span>
            {fill(t.editor.pageOf, { page: data.page, count: data.pageCount })}
          </span>
        )}
        {data.page < data.pageCount && <Link href={href(data.page + 1)}>{t.editor.nextPage}</Link>}
      </nav>
    </section>
  );
}
