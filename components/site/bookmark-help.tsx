import { t } from "@/lib/i18n/zh-CN";

/**
 * 设为首页 / 加入收藏. Browsers no longer let a page do either (the old IE calls are
 * gone), so each opens a short explanation of how to do it by hand: a native popover,
 * no script needed.
 */
export function BookmarkHelp({ siteUrl }: { siteUrl: string }) {
  const s = t.site;
  return (
    <>
      <button type="button" className="link-button" popoverTarget="help-homepage">
        {s.setHomepage}
      </button>
      <button type="button" className="link-button" popoverTarget="help-favorite">
        {s.addFavorite}
      </button>
      <div id="help-homepage" popover="auto" className="help-popover" role="dialog" aria-label={s.setHomepage}>
        <p className="help-title">{s.setHomepage}</p>
        <p>
          {s.setHomepageHelp}
          <span className="help-url">{siteUrl}</span>
        </p>
        <button type="button" popoverTarget="help-homepage" popoverTargetAction="hide">
          {s.gotIt}
        </button>
      </div>
      <div id="help-favorite" popover="auto" className="help-popover" role="dialog" aria-label={s.addFavorite}>
        <p className="help-title">{s.addFavorite}</p>
        <p>{s.addFavoriteHelp}</p>
        <button type="button" popoverTarget="help-favorite" popoverTargetAction="hide">
          {s.gotIt}
        </button>
      </div>
    </>
  );
}
