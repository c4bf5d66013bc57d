import Link from "next/link";
import type { ColumnNode } from "@/lib/columns/queries";
import { t } from "@/lib/i18n/zh-CN";

export function SiteHeader({ siteName, columns }: { siteName: string; columns: ColumnNode[] }) {
  return (
    <header className="site-header">
      <div className="site-banner">
        <div className="container">
          <Link href="/" className="site-name">
            {siteName}
          </Link>
        </div>
      </div>
      <nav className="site-nav" aria-label={t.site.columnNav}>
        <ul className="container">
          <li>
            <Link href="/">{t.common.home}</Link>
          </li>
          {columns.map((column) => (
            <li key={column.id}>
              <Link href={`/columns/${column.slug}`}>{column.name}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
