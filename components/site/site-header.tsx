import type { ColumnNode } from "@/lib/columns/queries";
import { t } from "@/lib/i18n/zh-CN";
import type { SiteLogo } from "@/lib/settings/queries";
import { ColumnTree } from "./column-tree";
import { ElderModeToggle } from "./reader-controls";

const DRAWER_ID = "site-drawer";

function SearchForm({ id }: { id: string }) {
  return (
    <form className="site-search" action="/search" method="get" role="search">
      <label htmlFor={id}>{t.site.search}</label>
      <input id={id} name="q" type="search" placeholder={t.site.searchPlaceholder} autoComplete="off" maxLength={100} enterKeyHint="search" />
      <button type="submit">{t.site.search}</button>
    </form>
  );
}

/**
 * Banner (logo, site name, search), column navigation and, on phones, a menu that
 * slides in from the side. The menu is a native popover opened by its button: it
 * works before any script loads, closes with Esc or a tap outside, and never opens
 * by a swipe alone (WCAG 2.2 SC 2.5.7).
 */
export function SiteHeader({ siteName, logo, columns }: { siteName: string; logo: SiteLogo | null; columns: ColumnNode[] }) {
  const s = t.site;
  return (
    <header className="site-header">
      <div className="top-bar">
        <div className="container top-bar-inner">
          <span className="top-bar-welcome">{s.welcome.replace("{site}", siteName)}</span>
          <div className="top-bar-tools">
            <ElderModeToggle />
            <a href="/sitemap">{s.siteMap}</a>
            <a href="/feed.xml">{s.feed}</a>
          </div>
        </div>
      </div>
      <div className="site-banner">
        <div className="container banner-inner">
          <a href="/" className="site-brand">
            {logo && (
              // The logo is an uploaded media file of unknown size; next/image would need a loader for /media.
              <img src={logo.src} alt="" width={logo.width ?? undefined} height={logo.height ?? undefined} className="site-logo" />
            )}
            <span className="site-name">{siteName}</span>
          </a>
          <SearchForm id="site-search-q" />
          <button type="button" className="menu-button" popoverTarget={DRAWER_ID} aria-label={s.menuOpen}>
            <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
              <path fill="currentColor" d="M3 5h18v2H3V5Zm0 6h18v2H3v-2Zm0 6h18v2H3v-2Z" />
            </svg>
            <span aria-hidden="true">{s.menu}</span>
          </button>
        </div>
      </div>
      <nav className="site-nav" aria-label={s.columnNav}>
        <ul className="container">
          <li>
            <a href="/">{t.common.home}</a>
          </li>
          {columns.map((column) => (
            <li key={column.id}>
              <a href={`/columns/${column.slug}`}>{column.name}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div id={DRAWER_ID} popover="auto" className="site-drawer" aria-label={s.columnNav} role="dialog">
        <div className="drawer-head">
          <span className="drawer-title">{s.columnNav}</span>
          <button type="button" className="drawer-close" popoverTarget={DRAWER_ID} popoverTargetAction="hide">
            {s.menuClose}
          </button>
        </div>
        <SearchForm id="drawer-search-q" />
        <nav aria-label={`${s.columnNav}（${s.menu}）`}>
          <ul className="drawer-nav">
            <li>
              <a href="/">{t.common.home}</a>
            </li>
          </ul>
          <ColumnTree nodes={columns} className="drawer-nav" />
        </nav>
        <div className="drawer-tools">
          <a href="/sitemap">{s.siteMap}</a>
        </div>
      </div>
    </header>
  );
}
