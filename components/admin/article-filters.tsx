import Link from "next/link";
import type { AdminListFilter } from "@/lib/articles/schema";
import { t } from "@/lib/i18n/zh-CN";

const STATUSES = ["DRAFT", "IN_REVIEW", "APPROVED", "SCHEDULED", "PUBLISHED", "WITHDRAWN"] as const;

/** The list's filters as a plain GET form: every filtered view has its own address. */
export function ArticleFilters({
  filter,
  columns,
  authors,
}: {
  filter: AdminListFilter;
  columns: { id: number; name: string; depth: number }[];
  authors: { id: number; name: string }[];
}) {
  return (
    <form className="list-filters" method="get" role="search" aria-label="筛选文章">
      <label className="field field-grow">
        <span>标题</span>
        <input type="search" name="q" defaultValue={filter.q ?? ""} placeholder="输入标题中的文字" />
      </label>
      <label className="field">
        <span>栏目</span>
        <select name="column" defaultValue={filter.column ?? ""}>
          <option value="">全部栏目</option>
          {columns.map((c) => (
            <option key={c.id} value={c.id}>
              {"　".repeat(c.depth)}
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>状态</span>
        <select name="status" defaultValue={filter.status ?? ""}>
          <option value="">全部状态</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t.admin[`status_${s}`]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>作者</span>
        <select name="author" defaultValue={filter.author ?? ""}>
          <option value="">全部</option>
          {authors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field date-range">
        <legend>日期</legend>
        <select name="dateField" defaultValue={filter.dateField} aria-label="按哪个日期筛选">
          <option value="updatedAt">更新时间</option>
          <option value="publishedAt">公开日期</option>
          <option value="createdAt">创建时间</option>
        </select>
        <input type="date" name="from" defaultValue={filter.from ?? ""} aria-label="开始日期" />
        <span aria-hidden="true">至</span>
        <input type="date" name="to" defaultValue={filter.to ?? ""} aria-label="结束日期" />
      </fieldset>
      {filter.sort !== "updatedAt" && <input type="hidden" name="sort" value={filter.sort} />}
      {filter.dir !== "desc" && <input type="hidden" name="dir" value={filter.dir} />}
      <div className="button-row">
        <button type="submit" className="button button-primary">
          筛选
        </button>
        <Link className="button" href="/admin/articles">
          重置
        </Link>
      </div>
    </form>
  );
}
