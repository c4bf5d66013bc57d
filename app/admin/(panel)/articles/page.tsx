import type { Metadata } from "next";
import Link from "next/link";
import { listAdminArticles } from "@/lib/articles/admin-queries";
import { adminListFilterSchema } from "@/lib/articles/schema";
import { requireUser } from "@/lib/auth/session";
import { displayTitle } from "@/lib/articles/format";
import { formatDateTime } from "@/lib/format/date";
import { t } from "@/lib/i18n/zh-CN";

export const metadata: Metadata = { title: t.admin.articles };

export default async function AdminArticlesPage() {
  const { rows: articles } = await listAdminArticles(adminListFilterSchema.parse({}), await requireUser());
  return (
    <section>
      <h1>{t.admin.articles}</h1>
      {articles.length === 0 ? (
        <p>{t.admin.noArticles}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t.admin.articleTitle}</th>
              <th scope="col">{t.admin.column}</th>
              <th scope="col">{t.admin.status}</th>
              <th scope="col">{t.admin.publishedAt}</th>
              <th scope="col">{t.admin.updatedAt}</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link href={`/articles/${a.id}`}>{displayTitle(a.title, a.titleTags)}</Link>
                </td>
                <td>{a.column.name}</td>
                <td>
                  <span className={`badge badge-${a.status.toLowerCase()}`}>{t.admin[`status_${a.status}`]}</span>
                </td>
                <td>{a.publishedAt ? formatDateTime(a.publishedAt) : "—"}</td>
                <td>{formatDateTime(a.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
