import { t } from "@/lib/i18n/zh-CN";

/**
 * 党政机关网站标识. The official badge is served by a script from the registry's own
 * site, which a strict CSP (and an offline copy) cannot load; this draws the same red
 * seal locally and links to the registry (conac.cn), where the site's entry is checked.
 */
export function PartyGovBadge() {
  return (
    <a className="party-gov-badge" href="https://www.conac.cn/" target="_blank" rel="noopener noreferrer">
      <svg viewBox="0 0 80 96" width="48" height="58" role="img" aria-label={t.site.partyGovBadge}>
        <rect x="2" y="2" width="76" height="92" rx="6" fill="#c8161d" />
        <circle cx="40" cy="34" r="22" fill="none" stroke="#ffd54a" strokeWidth="3" />
        <path d="M40 18l4.7 10.2 11.1 1.2-8.3 7.5 2.4 10.9L40 42.3l-9.9 5.5 2.4-10.9-8.3-7.5 11.1-1.2z" fill="#ffd54a" />
        <text x="40" y="74" textAnchor="middle" fontSize="14" fontWeight="700" fill="#fff" fontFamily="sans-serif">
          党政机关
        </text>
      </svg>
    </a>
  );
}
