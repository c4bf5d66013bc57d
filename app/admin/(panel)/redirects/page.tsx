import type { Metadata } from "next";
import Link from "@/components/admin/link";
import { RedirectPager, RedirectTable } from "@/components/admin/redirect-table";
import { requireRole } from "@/lib/auth/session";
import { fill } from "@/lib/i18n/fill";
import { parseRedirectFilter } from "@/lib/redirects/filter";
import { countBrokenRedirects, listRedirects, REDIRECT_PAGE_SIZE } from "@/lib/redirects/queries";
import { redirectText as L } from "@/lib/redirects/text";

export const metadata: Metadata = { title: L.title };

/** Read-only: the redirects are written by the import (npm run import); here they are searched, checked and exported. */
export default async function RedirectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireRole("ADMIN");
  const filter = parseRedirectFilter(await searchParams);
  const [list, check] = await Promise.all([listRedirects({ q: filter.q, page: filter.page, onlyBroken: !!filter.broken }), countBrokenRedirects()]);
  return (
    <section className="gov-page">
      <header className="gov-page-header">
        <div>
          <h1>{L.title}</h1>
          <p className="muted">{L.intro}</p>
        </div>
        <div className="gov-export">
          <a href="/admin/redirects/export" className="button" download>
            {L.export}
          </a>
          <span className="field-hint">{L.exportHint}</span>
        </div>
      </header>
      <p className="gov-card" role="status" data-testid="redirect-check">
        {check.broken ? fill(L.check, check) : fill(L.checkOk, { total: check.total })}
      </p>
      <form method="get" action="/admin/redirects" className="gov-filters" aria-label={L.apply}>
        <div className="field">
          <label htmlFor="redirect-q">{L.search}</label>
          <input id="redirect-q" name="q" type="search" defaultValue={filter.q ?? ""} maxLength={200} />
        </div>
        <div className="field">
          <label>
            <input type="checkbox" name="broken" value="1" defaultChecked={!!filter.broken} /> {L.onlyBroken}
          </label>
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {L.apply}
          </button>
          <Link href="/admin/redirects" className="button">
            {L.reset}
          </Link>
        </div>
      </form>
      <RedirectTable rows={list.rows} />
      <RedirectPager filter={filter} total={list.total} pageSize={REDIRECT_PAGE_SIZE} />
    </section>
  );
}
