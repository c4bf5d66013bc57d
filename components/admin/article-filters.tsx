import Link from "@/components/admin/link";
import { defaultAdminSort, type AdminListFilter } from "@/lib/articles/schema";
import { t } from "@/lib/i18n/zh-CN";
import { ColumnOptions } from "./column-options";

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
  const a = t.articlesAdmin;
  return (
    <form className="list-filters" method="get" role="search" aria-label={a.filterLabel}>
      <label className="field field-grow">
        <span>{a.search}</span>
        <input type="search" name="q" defaultValue={filter.q ?? ""} placeholder={a.searchPlaceholder} />
      </label>
      <label className="field">
        <span>{a.column}</span>
        <select name="column" defaultValue={filter.column ?? ""}>
          <option value="">{a.allColumns}</option>
          <ColumnOptions columns={columns} />
        </select>
      </label>
      <label className="field">
        <span>{t.admin.status}</span>
        <select name="status" defaultValue={filter.status ?? ""}>
          <option value="">{a.allStatuses}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t.admin[`status_${s}`]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{a.creator}</span>
        <select name="author" defaultValue={filter.author ?? ""}>
          <option value="">{a.everyone}</option>
          {authors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field date-range">
        <legend>{a.date}</legend>
        <select name="dateField" defaultValue={filter.dateField} aria-label={a.dateField}>
          <option value="updatedAt">{a.updatedAt}</option>
          <option value="publishedAt">{a.publishedAt}</option>
          <option value="createdAt">{a.createdAt}</option>
        </select>
        <input type="date" name="from" defaultValue={filter.from ?? ""} aria-label={a.from} />
        <span aria-hidden="true">{a.until}</span>
        <input type="date" name="to" defaultValue={filter.to ?? ""} aria-label={a.to} />
      </fieldset>
      {filter.sort !== defaultAdminSort(filter) && <input type="hidden" name="sort" value={filter.sort} />}
      {filter.dir !== "desc" && <input type="hidden" name="dir" value={filter.dir} />}
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {a.filter}
        </button>
        <Link className="button" href="/admin/articles">
          {a.reset}
        </Link>
      </div>
    </form>
  );
}
