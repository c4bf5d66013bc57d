import type { Metadata } from "next";
import Link from "@/components/admin/link";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/date";
import { t } from "@/lib/i18n/zh-CN";
import { HealthDashboardBadge } from "@/components/admin/health-check-badge";
import { getDashboard, type DashboardItem } from "@/lib/workflow/dashboard";

export const metadata: Metadata = { title: "工作台" };

function ArticleRows({ items, empty, detail }: { items: DashboardItem[]; empty: string; detail?: (a: DashboardItem) => React.ReactNode }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="dashboard-list">
      {items.map((a) => (
        <li key={a.id}>
          <Link href={`/admin/articles/${a.id}`}>{a.title || "（无标题）"}</Link>
          <span className="muted">
            {a.column.name} · {detail ? detail(a) : formatDateTime(a.updatedAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}

export default async function DashboardPage() {
  const user = await requireUser();
  const d = await getDashboard(user);
  return (
    <div className="dashboard">
      <h1>工作台</h1>
      {user.role !== "EDITOR" && <HealthDashboardBadge />}
      {d.missedSchedules.length > 0 && (
        <section className="dashboard-alert" role="status" aria-labelledby="missed-heading">
          <h2 id="missed-heading">错过的定时发布</h2>
          <p>以下文章的定时发布时间到达时服务未运行，已在服务恢复后补发，请核对：</p>
          <ArticleRows items={d.missedSchedules} empty="" detail={(a) => `补发于 ${a.publishedAt ? formatDateTime(a.publishedAt) : ""}`} />
        </section>
      )}
      <div className="dashboard-grid">
        {user.role !== "EDITOR" && (
          <section aria-labelledby="review-heading">
            <h2 id="review-heading">等待我审核（{d.toReview.length}）</h2>
            <ArticleRows items={d.toReview} empty="没有等待审核的文章。" detail={(a) => `第 ${a.reviewLevel + 1}/${a.column.reviewLevels} 级 · ${a.createdBy.name}`} />
          </section>
        )}
        <section aria-labelledby="rejected-heading">
          <h2 id="rejected-heading">退回给我的（{d.rejected.length}）</h2>
          {d.rejected.length === 0 ? (
            <p className="muted">没有被退回的文章。</p>
          ) : (
            <ul className="dashboard-list">
              {d.rejected.map((a) => (
                <li key={a.id}>
                  <Link href={`/admin/articles/${a.id}`}>{a.title || "（无标题）"}</Link>
                  <span className="muted">
                    {a.rejection?.actor?.name} 退回：{a.rejection?.comment}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="drafts-heading">
          <h2 id="drafts-heading">我的草稿（{d.drafts.length}）</h2>
          <ArticleRows items={d.drafts} empty="没有草稿。" />
        </section>
        <section aria-labelledby="scheduled-heading">
          <h2 id="scheduled-heading">定时发布（{d.scheduled.length}）</h2>
          <ArticleRows items={d.scheduled} empty="没有定时发布的文章。" detail={(a) => (a.scheduledAt ? formatDateTime(a.scheduledAt) : "")} />
        </section>
        <section aria-labelledby="published-heading">
          <h2 id="published-heading">最近发布</h2>
          <ArticleRows
            items={d.published}
            empty={t.admin.noArticles}
            detail={(a) => `${a.publishedAt ? formatDateTime(a.publishedAt) : ""}${a.publishedLate ? "（补发）" : ""}`}
          />
        </section>
      </div>
    </div>
  );
}
