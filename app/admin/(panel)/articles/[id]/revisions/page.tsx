import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DiffView } from "@/components/admin/diff-view";
import { RestoreButton } from "@/components/admin/restore-button";
import { getArticleForEditor } from "@/lib/articles/admin-queries";
import { displayTitle } from "@/lib/articles/format";
import { compareRevisions, listRevisions } from "@/lib/articles/revisions";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/date";
import "@/components/admin/authoring.css";

export const metadata: Metadata = { title: "修订记录" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string; page?: string }> };

const idOf = (v: string | undefined) => (v && /^[1-9]\d{0,9}$/.test(v) ? Number(v) : undefined);

export default async function RevisionsPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id: raw } = await params;
  if (!/^[1-9]\d{0,8}$/.test(raw)) notFound();
  const found = await getArticleForEditor(Number(raw));
  if (!found) notFound();
  const { article, scope } = found;
  if (user.role !== "ADMIN" && !user.columnIds.includes(scope.columnId) && scope.createdById !== user.id) notFound();
  const query = await searchParams;
  const list = await listRevisions(article.id!, idOf(query.page) ?? 1);
  // By default: the latest save against the one before it.
  const to = idOf(query.to) ?? list.items[0]?.id;
  const from = idOf(query.from) ?? list.items[1]?.id ?? to;
  const compared = from && to ? await compareRevisions(article.id!, from, to) : null;
  const mayRestore = can(user, "article:edit", scope);

  return (
    <section className="revisions-page">
      <header className="page-header">
        <div>
          <p className="editor-crumbs">
            <Link href="/admin/articles">文章管理</Link> › <Link href={`/admin/articles/${article.id}`}>{displayTitle(article.title, article.titleTags)}</Link> › 修订记录
          </p>
          <h1>修订记录</h1>
        </div>
        <Link className="button" href={`/admin/articles/${article.id}`}>
          返回编辑
        </Link>
      </header>
      <div className="revisions-layout">
        <form method="get" className="revision-list-form">
          <table className="data-table revision-table">
            <caption className="visually-hidden">每次保存的版本，最新的在前</caption>
            <thead>
              <tr>
                <th scope="col">版本</th>
                <th scope="col">保存时间</th>
                <th scope="col">保存人</th>
                <th scope="col">说明</th>
                <th scope="col" className="num">字数</th>
                <th scope="col">对比（旧 → 新）</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((r) => (
                <tr key={r.id} className={r.id === from || r.id === to ? "is-compared" : undefined}>
                  <td>
                    第 {r.version} 版{r.version === article.version && <span className="flag">当前</span>}
                  </td>
                  <td className="nowrap">{formatDateTime(r.createdAt)}</td>
                  <td>{r.author}</td>
                  <td>{r.note || "—"}</td>
                  <td className="num">{r.characters.toLocaleString("zh-CN")}</td>
                  <td className="nowrap">
                    <label className="check-inline">
                      <input type="radio" name="from" value={r.id} defaultChecked={r.id === from} aria-label={`第 ${r.version} 版作为旧版本`} /> 旧
                    </label>
                    <label className="check-inline">
                      <input type="radio" name="to" value={r.id} defaultChecked={r.id === to} aria-label={`第 ${r.version} 版作为新版本`} /> 新
                    </label>
                  </td>
                  <td>
                    {mayRestore && r.version !== article.version && <RestoreButton articleId={article.id!} revisionId={r.id} version={r.version} baseVersion={article.version} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="button-row revision-tools">
            <button type="submit" className="button button-primary">
              对比所选版本
            </button>
            {list.pageCount > 1 && (
              <span className="muted">
                第 {list.page} / {list.pageCount} 页
                {list.page > 1 && <Link href={`?page=${list.page - 1}`}> 较新</Link>}
                {list.page < list.pageCount && <Link href={`?page=${list.page + 1}`}> 较早</Link>}
              </span>
            )}
          </div>
        </form>
        <section className="side-card revision-diff" aria-labelledby="diff-heading">
          <h2 id="diff-heading">
            {compared ? `第 ${compared.from.version} 版 → 第 ${compared.to.version} 版` : "差异"}
          </h2>
          {compared ? <DiffView diff={compared.diff} /> : <p className="muted">请选择两个版本进行对比。</p>}
        </section>
      </div>
    </section>
  );
}
