import type { ColumnNode } from "@/lib/columns/queries";
import { t } from "@/lib/i18n/zh-CN";
import { QUERY_MAX_CHARS } from "@/lib/search/needles";
import { searchHref, type SearchRequest } from "@/lib/search/params";

function columnOptions(nodes: ColumnNode[], depth = 0): React.ReactNode[] {
  return nodes.flatMap((node) => [
    <option key={node.id} value={node.slug}>
      {`${"\u3000".repeat(depth)}${node.name}`}
    </option>,
    ...columnOptions(node.children, depth + 1),
  ]);
}

/**
 * The search page's form: keywords, column, date range and order. A plain GET form,
 * so it works before (and without) any script, and every search is a shareable URL.
 */
export function SearchForm({ request, columns }: { request: SearchRequest; columns: ColumnNode[] }) {
  const s = t.search;
  const filtered = Boolean(request.column || request.from || request.to);
  return (
    <form className="search-form" action="/search" method="get" role="search" aria-label={s.title}>
      <div className="search-form-query">
        <label htmlFor="search-q" className="visually-hidden">
          {s.keywords}
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={request.q}
          placeholder={s.placeholder}
          maxLength={QUERY_MAX_CHARS}
          autoComplete="off"
          enterKeyHint="search"
        />
        <button type="submit">{s.submit}</button>
      </div>
      <fieldset className="search-form-filters">
        <legend className="visually-hidden">{s.filters}</legend>
        <div className="search-field">
          <label htmlFor="search-column">{s.column}</label>
          <select id="search-column" name="column" defaultValue={request.column ?? ""}>
            <option value="">{s.allColumns}</option>
            {columnOptions(columns)}
          </select>
        </div>
        <div className="search-field">
          <label htmlFor="search-from">{s.from}</label>
          <input id="search-from" type="date" name="from" defaultValue={request.from ?? ""} max={request.to ?? undefined} />
        </div>
        <div className="search-field">
          <label htmlFor="search-to">{s.to}</label>
          <input id="search-to" type="date" name="to" defaultValue={request.to ?? ""} min={request.from ?? undefined} />
        </div>
        <div className="search-field">
          <label htmlFor="search-sort">{s.sort}</label>
          <select id="search-sort" name="sort" defaultValue={request.sort}>
            <option value="relevance">{s.sortRelevance}</option>
            <option value="date">{s.sortDate}</option>
          </select>
        </div>
        {filtered && request.q && (
          <a className="search-clear" href={searchHref({ q: request.q, column: null, from: null, to: null, sort: request.sort })}>
            {s.clearFilters}
          </a>
        )}
      </fieldset>
    </form>
  );
}
