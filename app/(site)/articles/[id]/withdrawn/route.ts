import { getWithdrawnArticle } from "@/lib/articles/queries";
import { renderWithdrawnNotice } from "@/lib/articles/withdrawn-notice";
import { getSiteSettings } from "@/lib/settings/queries";

export const dynamic = "force-dynamic";

/**
 * The 410 Gone notice of a withdrawn article. proxy.ts rewrites /articles/<id> here
 * when the article was withdrawn (a page can only answer 404); asked for directly about
 * anything else, it answers 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const article = /^[1-9]\d{0,8}$/.test(id) ? await getWithdrawnArticle(Number(id)) : null;
  if (!article) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const settings = await getSiteSettings();
  return new Response(renderWithdrawnNotice({ siteName: settings.siteName, withdrawnAt: article.withdrawnAt }), {
    status: 410,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "public, max-age=60",
      "x-robots-tag": "noindex",
    },
  });
}
