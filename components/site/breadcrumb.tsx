import { t } from "@/lib/i18n/zh-CN";

export interface Crumb {
  label: string;
  href?: string;
}

/** 当前位置：首页 > 栏目 > 正文. The last crumb is the current page. */
export function Breadcrumb({ items }: { items: Crumb[] }) {
  const all: Crumb[] = [{ label: t.common.home, href: "/" }, ...items];
  return (
    <nav className="breadcrumb" aria-label={t.site.breadcrumb}>
      <span className="breadcrumb-lead" aria-hidden="true">
        {t.site.currentLocation}
      </span>
      <ol>
        {all.map((crumb, i) => {
          const last = i === all.length - 1;
          return (
            <li key={`${crumb.label}-${i}`}>
              {crumb.href && !last ? <a href={crumb.href}>{crumb.label}</a> : <span aria-current={last ? "page" : undefined}>{crumb.label}</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
