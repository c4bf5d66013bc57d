import { CATALOGUE_PATH } from "@/lib/documents/catalogue-params";
import { catalogueText } from "@/lib/documents/catalogue-text";
import { t } from "@/lib/i18n/zh-CN";
import type { SiteSettings } from "@/lib/settings/queries";
import { BookmarkHelp } from "./bookmark-help";
import { PartyGovBadge } from "./party-gov-badge";

/** The public-security filing number is the digits of "蒙公网安备15030202000006". */
function psbCode(filing: string): string {
  return /\d{10,}/.exec(filing)?.[0] ?? "";
}

/**
 * The footer of the reference page, from the site settings: 网站地图 | 设为首页 | 加入收藏,
 * 主办, 维护, 地址, 邮编, 网站维护电话, 公网安备 (linked to the public-security filing
 * site), ICP备 (linked to the MIIT filing site), 政府网站标识码, 党政机关网站标识, 版权声明.
 */
export function SiteFooter({ settings, siteUrl }: { settings: SiteSettings; siteUrl: string }) {
  const s = t.site;
  const code = psbCode(settings.psbFiling);
  return (
    <footer className="site-footer">
      <div className="container footer-inner">
        {settings.showPartyGovBadge && <PartyGovBadge />}
        <div className="footer-text">
          <div className="footer-links">
            <a href="/sitemap">{s.siteMap}</a>
            <span aria-hidden="true">|</span>
            <a href={CATALOGUE_PATH}>{catalogueText.title}</a>
            <span aria-hidden="true">|</span>
            <BookmarkHelp siteUrl={siteUrl} />
          </div>
          <p>
            {settings.host && (
              <span>
                {s.host}：{settings.host}
              </span>
            )}
            {settings.maintainer && (
              <span>
                {s.maintainer}：{settings.maintainer}
              </span>
            )}
          </p>
          <p>
            {settings.address && (
              <span>
                {s.address}：{settings.address}
              </span>
            )}
            {settings.postcode && (
              <span>
                {s.postcode}：{settings.postcode}
              </span>
            )}
            {settings.phone && (
              <span>
                {s.phone}：{settings.phone}
              </span>
            )}
          </p>
          <p>
            {settings.psbFiling && (
              <span>
                <a href={code ? `https://beian.mps.gov.cn/#/query/webSearch?code=${code}` : "https://beian.mps.gov.cn/"} target="_blank" rel="noopener noreferrer" title={s.psbLink}>
                  {settings.psbFiling}
                </a>
              </span>
            )}
            {settings.icpFiling && (
              <span>
                <a href="https://beian.miit.gov.cn/" target="_blank" rel="noopener noreferrer" title={s.icpLink}>
                  {settings.icpFiling}
                </a>
              </span>
            )}
            {settings.siteCode && (
              <span>
                {s.siteCode}：{settings.siteCode}
              </span>
            )}
          </p>
          {settings.copyright && (
            // The setting holds the whole 版权声明 ("版权所有：…"), shown as written.
            <p className="footer-copyright">{settings.copyright}</p>
          )}
        </div>
      </div>
    </footer>
  );
}
