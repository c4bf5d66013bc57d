import { Breadcrumb } from "@/components/site/breadcrumb";
import { QueryPagination } from "@/components/site/search-pagination";
import { FRAME_TAGS, TAGS } from "@/lib/cache/tags";
import { catalogueChoices, listCatalogue, newestDocuments, type CatalogueChoices, type CataloguePage } from "@/lib/documents/catalogue";
import { CATALOGUE_FEED_PATH, CATALOGUE_PATH, catalogueHref, isFiltered, parseCatalogueQuery, type CatalogueRequest } from "@/lib/documents/catalogue-params";
import { catalogueText as C } from "@/lib/documents/catalogue-text";
import { VALIDITIES, validityLabel } from "@/lib/documents/validity";
import { siteUrl } from "@/lib/env";
import { renderRss, RSS_HEADERS } from "@/lib/export/rss";
import { formatCalendarDate, formatDate } from "@/lib/format/date";
import { listTopicNames } from "@/lib/topics/queries";
import type { HtmlPage, RenderContext, RenderedPage } from "../page";

export interface CataloguePageData {
  request: CatalogueRequest;
  topics: string[];
  choices: CatalogueChoices;
  result: CataloguePage;
}

export async function loadCataloguePage(query: URLSearchParams): Promise<CataloguePageData> {
  const request = parseCatalogueQuery(query);
  const [topics, choices, result] = await Promise.all([listTopicNames(), catalogueChoices(), listCatalogue(request)]);
  return { request, topics, choices, result };
}

/** A <select> of the filter form: "" is any. */
function Choice({ id, name, label, any, value, options }: { id: string; name: string; label: string; any: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <div className="search-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A plain GET form: it works without any script, and every filtered list is a shareable URL. */
function CatalogueForm({ request, topics, choices }: Omit<CataloguePageData, "result">) {
  const listed = (values: string[], current: string | null) => (current && !values.includes(current) ? [current, ...values] : values);
  return (
    <form className="search-form catalogue-form" action={CATALOGUE_PATH} method="get" role="search" aria-label={C.filters}>
      <div className="search-form-query">
        <label htmlFor="catalogue-q" className="visually-hidden">
          {C.search}
        </label>
        <input id="catalogue-q" name="q" type="search" defaultValue={request.q} placeholder={C.search} maxLength={100} autoComplete="off" enterKeyHint="search" />
        <button type="submit">{C.submit}</button>
      </div>
      <fieldset className="search-form-filters">
        <legend className="visually-hidden">{C.filters}</legend>
        <Choice id="catalogue-topic" name="topic" label={C.topic} any={C.anyTopic} value={request.topic ?? ""} options={listed(topics, request.topic).map((v) => ({ value: v, label: v }))} />
        <Choice id="catalogue-org" name="org" label={C.org} any={C.anyOrg} value={request.org ?? ""} options={listed(choices.orgs, request.org).map((v) => ({ value: v, label: v }))} />
        <Choice
          id="catalogue-year"
          name="year"
          label={C.year}
          any={C.anyYear}
          value={request.year ? String(request.year) : ""}
          options={choices.years.map((y) => ({ value: String(y), label: C.yearOption.replace("{year}", String(y)) }))}
        />
        <Choice id="catalogue-validity" name="validity" label={C.validity} any={C.anyValidity} value={request.validity ?? ""} options={VALIDITIES.map((v) => ({ value: v, label: validityLabel(v) }))} />
        {isFiltered(request) && (
          <a className="search-clear" href={CATALOGUE_PATH}>
            {C.clear}
          </a>
        )}
      </fieldset>
    </form>
  );
}

/**
 * The documents' table. At 390 px each row becomes a block of labelled lines
 * (data-label, site-pages.css), so the page never scrolls sideways.
 */
function CatalogueTable({ result }: { result: CataloguePage }) {
  const col = C.columns;
  const dash = "—";
  return (
    <table className="catalogue-table">
      <caption className="visually-hidden">{C.table}</caption>
      <thead>
        <tr>
          <th scope="col">{col.indexNo}</th>
          <th scope="col">{col.title}</th>
          <th scope="col">{col.org}</th>
          <th scope="col">{col.docNo}</th>
          <th scope="col">{col.writtenAt}</th>
          <th scope="col">{col.publishedAt}</th>
          <th scope="col">{col.topic}</th>
          <th scope="col">{col.validity}</th>
        </tr>
      </thead>
      <tbody>
        {result.rows.map((row) => (
          <tr key={row.id}>
            <td data-label={col.indexNo}>{row.indexNo || dash}</td>
            <th scope="row" data-label={col.title}>
              <a href={`/articles/${row.id}`}>{row.title}</a>
            </th>
            <td data-label={col.org}>{row.issuingOrg || dash}</td>
            <td data-label={col.docNo}>{row.docNo || dash}</td>
            <td data-label={col.writtenAt}>{row.writtenAt ? formatCalendarDate(row.writtenAt) : dash}</td>
            <td data-label={col.publishedAt}>{formatDate(row.publishedAt)}</td>
            <td data-label={col.topic}>{row.topic || dash}</td>
            <td data-label={col.validity} className={`catalogue-validity catalogue-validity-${row.validity.state.toLowerCase()}`}>
              {validityLabel(row.validity.state)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CataloguePageView({ request, topics, choices, result }: CataloguePageData) {
  return (
    <div className="container search-page catalogue-page">
      <Breadcrumb items={[{ label: C.title }]} />
      <section className="sheet search-main" aria-labelledby="catalogue-heading">
        <h1 id="catalogue-heading">{C.title}</h1>
        <p className="search-note">{C.intro}</p>
        <CatalogueForm request={request} topics={topics} choices={choices} />
        {request.ignored.length > 0 && <p className="search-note">{C.ignored}</p>}
        <p className="search-summary">
          {C.summary.replace("{total}", result.total.toLocaleString("zh-CN"))}
        </p>
        {result.rows.length === 0 ? <p className="search-note">{C.none}</p> : <CatalogueTable result={result} />}
        <QueryPagination page={request.page} pageCount={result.pageCount} href={(p) => catalogueHref(request, p)} />
      </section>
    </div>
  );
}

/**
 * /zfxxgk[?filters]: the app server keeps it under its canonical address
 * (catalogueCacheKey), dropped by any article change (TAGS.articles: a document's
 * publication, edit, withdrawal or expiry) and any change of the 主题分类 list. What is
 * unbounded — a free-text search, a theme or organ that no document has, a page past
 * the last — is rendered for its request and not kept (no tags).
 */
export async function cataloguePage(ctx: RenderContext): Promise<HtmlPage> {
  const data = await loadCataloguePage(ctx.query);
  const { request, topics, choices, result } = data;
  const bounded =
    !request.q && (!request.topic || topics.includes(request.topic)) && (!request.org || choices.orgs.includes(request.org)) && request.page <= result.pageCount;
  const title = request.page > 1 ? C.pageTitle.replace("{title}", C.title).replace("{page}", String(request.page)) : C.title;
  return {
    status: request.page > result.pageCount ? 404 : 200,
    head: {
      title,
      description: C.intro,
      canonical: catalogueHref(request, request.page),
      // Filtered lists are endless combinations of the one list: keep them out of search engines.
      robots: isFiltered(request) ? "noindex, follow" : undefined,
      feeds: [{ href: CATALOGUE_FEED_PATH, title: C.title }],
    },
    content: <CataloguePageView {...data} />,
    tags: bounded ? [...FRAME_TAGS, TAGS.articles, TAGS.topics] : [],
  };
}

const FEED_SIZE = 50;

/** /zfxxgk/feed.xml: the newest public documents, RSS 2.0 (escaped as every feed is, lib/export/rss.ts). */
export async function catalogueFeed(ctx: RenderContext): Promise<RenderedPage> {
  const [{ settings }, rows] = await Promise.all([ctx.frame(), newestDocuments(FEED_SIZE)]);
  const base = siteUrl();
  const body = renderRss({
    title: `${C.title} - ${settings.siteName}`,
    link: `${base}${CATALOGUE_PATH}`,
    self: `${base}${CATALOGUE_FEED_PATH}`,
    description: C.feedDescription.replace("{site}", settings.siteName),
    baseUrl: base,
    items: rows.map((r) => ({
      id: r.id,
      title: r.docNo ? `${r.title}（${r.docNo}）` : r.title,
      titleTags: r.titleTags,
      summary: r.summary,
      bodyText: r.bodyText,
      author: r.issuingOrg || r.author,
      columnName: r.topic || C.title,
      publishedAt: r.publishedAt,
    })),
  });
  return { status: 200, headers: { ...RSS_HEADERS }, body, tags: [...FRAME_TAGS, TAGS.articles] };
}
