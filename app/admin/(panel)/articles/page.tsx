import type { Metadata } from "next";
import Link from "@/components/admin/link";
import { ArticleFilters } from "@/components/admin/article-filters";
import { ArticleTable, ListPagination, SearchOrder, type RowPermissions } from "@/components/admin/article-table";
import { WordImportDialog } from "@/components/admin/word-import-dialog";
import { columnChoicesFor, everPublished, listAdminArticles, listArticleAuthors } from "@/lib/articles/admin-queries";
import { adminListFilterSchema } from "@/lib/articles/schema";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { t } from "@/lib/i18n/zh-CN";
import "@/components/admin/authoring.css";

export const metadata: Metadata = { title: t.admin.articles };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminArticlesPage({ searchParams }: Props) {
  const user = await requireUser();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filter = adminListFilterSchema.parse(raw);
  const [list, columns, authors] = await Promise.all([listAdminArticles(filter, user), columnChoicesFor(user), listArticleAuthors(user)]);
  const permissions = new Map<number, RowPermissions>(
    list.rows.map((a) => {
      const scope = { columnId: a.columnId, createdById: a.createdById, status: a.status, everPublished: everPublished(a) };
      const canDuplicate = can(user, "article:edit", { ...scope, createdById: user.id, status: "DRAFT", everPublished: false });
      return [a.id, { canDelete: can(user, "article:delete", scope), canDuplicate }];
    }),
  );
  const filtered = Object.keys(raw).some((k) => ["q", "column", "status", "author", "from", "to"].includes(k) && raw[k]);
  return (
    <section className="articles-page">
      <header className="page-header">
        <h1>{t.admin.articles}</h1>
        {can(user, "article:create") && (
          <div className="button-row">
            <WordImportDialog columns={columns} defaultColumnId={columns.some((c) => c.id === filter.column) ? filter.column : undefined} />
            <Link className="button button-primary" href={filter.column ? `/admin/articles/new?column=${filter.column}` : "/admin/articles/new"}>
              {t.articlesAdmin.newArticle}
            </Link>
          </div>
        )}
      </header>
      <ArticleFilters filter={filter} columns={columns} authors={authors} />
      <SearchOrder filter={filter} truncated={list.truncated} />
      {list.rows.length === 0 ? (
        <p className="empty-list">{filtered ? t.articlesAdmin.noMatch : t.admin.noArticles}</p>
      ) : (
        <>
          <ArticleTable rows={list.rows} filter={filter} permissions={permissions} />
          <ListPagination filter={filter} page={list.page} pageCount={list.pageCount} total={list.total} capped={list.capped} />
        </>
      )}
    </section>
  );
}
