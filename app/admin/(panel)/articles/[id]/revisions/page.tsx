import type { Metadata } from "next";
import Link from "@/components/admin/link";
import { notFound } from "next/navigation";
import { DiffView } from "@/components/admin/diff-view";
import { RestoreButton } from "@/components/admin/restore-button";
import { canSee, getArticleForEditor } from "@/lib/articles/admin-queries";
import { displayTitle } from "@/lib/articles/format";
import { compareRevisions, listRevisions } from "@/lib/articles/revisions";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/date";
import "@/components/admin/authoring.css";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";
import { TableScroll } from "@/components/admin/table-scroll";

export const metadata: Metadata = { title: t.articlesAdmin.revisionsTitle };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string; page?: string }> };

const idOf = (v: string | undefined) => (v && /^[1-9]\d{0,9}$/.test(v) ? Number(v) : undefined);

export default async function RevisionsPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id: raw } = await params;
  if (!/^[1-9]\d{0,8}$/.test(raw)) notFound();
  const found = await getArticleForEditor(Number(raw));
  if (!found) notFound();
  const { article, scope } = found;
  if (!canSee(user, scope)) notFound();
  const query = await searchParams;
  const list = await listRevisions(article.id!, idOf(query.page) ?? 1);
  // By default: the latest save against the one before it.
  const to = idOf(query.to) ?? list.items[0]?.id;
  const from = idOf(query.from) ?? list.items[1]?.id ?? to;
  const compared = from && to && from !== to ? await compareRevisions(article.id!, from, to) : null;
  const mayRestore = can(user, "article:edit", scope);
  const a = t.articlesAdmin;

  return (
    <section className="revisions-page">
      <header className="page-header">
        <div>
          <p className="editor-crumbs">
            <Link href="/admin/articles">{t.admin.articles}</Link> › <Link href={`/admin/articles/${article.id}`}>{displayTitle(article.title, article.titleTags)}</Link> › {a.revisionsTitle}
          </p>
          <h1>{a.revisionsTitle}</h1>
        </div>
        <Link className="button" href={`/admin/articles/${article.id}`}>
          {a.backToEditor}
        </Link>
      </header>
      <div className="revisions-layout">
        <form method="get" className="revision-list-form">
          <TableScroll label={a.revisionsTitle}>
            <table className="data-table revision-table">
            <caption className="visually-hidden">{a.revisionsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{a.version}</th>
                <th scope="col">{a.savedAt}</th>
                <th scope="col">{a.savedBy}</th>
                <th scope="col">{a.note}</th>
                <th scope="col" className="num">
                  {a.characters}
                </th>
                <th scope="col">{a.compareColumn}</th>
                <th scope="col">{a.actions}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((r) => (
                <tr key={r.id} className={r.id === from || r.id === to ? "is-compared" : undefined}>
                  <td>
                    {fill(a.versionN, { n: r.version })}
                    {r.version === article.version && <span className="flag">{a.current}</span>}
                  </td>
                  <td className="nowrap">{formatDateTime(r.createdAt)}</td>
                  <td>{r.author}</td>
                  <td>{r.note || "—"}</td>
                  <td className="num">{r.characters.toLocaleString("zh-CN")}</td>
                  <td className="nowrap">
                    <label className="check-inline">
                      <input type="radio" name="from" value={r.id} defaultChecked={r.id === from} aria-label={fill(a.asOlder, { n: r.version })} /> {a.older}
                    </label>
                    <label className="check-inline">
                      <input type="radio" name="to" value={r.id} defaultChecked={r.id === to} aria-label={fill(a.asNewer, { n: r.version })} /> {a.newer}
                    </label>
                  </td>
                  <td className="row-actions">
                    <Link href={`/admin/articles/${article.id}/preview?revision=${r.id}`}>{a.preview}</Link>
                    {mayRestore && r.version !== article.version && <RestoreButton articleId={article.id!} revisionId={r.id} version={r.version} baseVersion={article.version} />}
                  </td>
                </tr>
              ))}
            </tbody>
            </table>
          </TableScroll>
          <div className="button-row revision-tools">
            <button type="submit" className="button button-primary">
              {a.compare}
            </button>
            {list.pageCount > 1 && (
              <span className="muted">
                {fill(t.editor.pageOf, { page: list.page, count: list.pageCount })}
                {list.page > 1 && <Link href={`?page=${list.page - 1}`}> {a.newerPage}</Link>}
                {list.page < list.pageCount && <Link href={`?page=${list.page + 1}`}> {a.olderPage}</Link>}
              </span>
            )}
          </div>
        </form>
        <section className="side-card revision-diff" aria-labelledby="diff-heading">
          <h2 id="diff-heading">
            {compared ? fill(a.diffTitle, { from: compared.from.version, to: compared.to.version }) : a.diff}
          </h2>
          {compared ? <DiffView diff={compared.diff} /> : <p className="muted">{list.total > 1 ? a.pickTwo : a.onlyOne}</p>}
        </section>
      </div>
    </section>
  );
}
