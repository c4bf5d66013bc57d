import { NotFoundNotice } from "@/components/site/not-found-notice";
import { WithdrawnNotice } from "@/components/site/withdrawn-notice";
import { FRAME_TAGS, TAGS } from "@/lib/cache/tags";
import { t } from "@/lib/i18n/zh-CN";
import type { HtmlPage } from "../page";

/** The site's 404 page: unknown addresses, drafts, unknown articles and columns, listing pages past the end. Never cached. */
export function notFoundPage(): HtmlPage {
  return { status: 404, head: { title: t.common.notFound, robots: "noindex" }, content: <NotFoundNotice />, tags: [] };
}

/**
 * A withdrawn article's address (撤稿): 410 Gone with a short notice. Tagged with the
 * article, so that a page kept by the server goes when the article is published again.
 */
export function withdrawnPage(id: number, withdrawnAt: Date): HtmlPage {
  return {
    status: 410,
    head: { title: t.site.withdrawnTitle, robots: "noindex" },
    content: <WithdrawnNotice withdrawnAt={withdrawnAt} />,
    tags: [...FRAME_TAGS, TAGS.article(id)],
  };
}
