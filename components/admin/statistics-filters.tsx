import { statisticsText as L } from "@/lib/i18n/statistics";
import { BUCKETS } from "@/lib/statistics/period";
import type { StatisticsFilter } from "@/lib/statistics/filters";
import { ColumnOptions } from "./column-options";

/** The statistics' filters as a plain GET form: a view is an address one can bookmark or send. */
export function StatisticsFilters({ filter, columns }: { filter: StatisticsFilter; columns: { id: number; name: string; depth: number }[] }) {
  return (
    <form method="get" action="/admin/statistics" className="gov-filters" aria-label={L.filters}>
      <div className="field">
        <label htmlFor="stats-from">{L.from}</label>
        <input id="stats-from" name="from" type="date" defaultValue={filter.from} />
      </div>
      <div className="field">
        <label htmlFor="stats-to">{L.to}</label>
        <input id="stats-to" name="to" type="date" defaultValue={filter.to} />
      </div>
      <div className="field">
        <label htmlFor="stats-bucket">{L.bucket}</label>
        <select id="stats-bucket" name="bucket" defaultValue={filter.bucket}>
          {BUCKETS.map((b) => (
            <option key={b.value} value={b.value}>
              {b.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="stats-column">{L.column}</label>
        <select id="stats-column" name="column" defaultValue={filter.columnId ?? ""}>
          <option value="">{L.anyColumn}</option>
          <ColumnOptions columns={columns} />
        </select>
      </div>
      <div className="field">
        <label htmlFor="stats-article">{L.articleId}</label>
        <input id="stats-article" name="article" inputMode="numeric" pattern="[0-9]*" defaultValue={filter.articleId ?? ""} aria-describedby="stats-article-hint" maxLength={9} />
        <span id="stats-article-hint" className="field-hint">
          {L.articleIdHint}
        </span>
      </div>
      <div className="field">
        <button type="submit" className="button">
          {L.apply}
        </button>
      </div>
    </form>
  );
}
