import { getColumnContext } from "@/lib/columns/queries";
import { listColumnArticles } from "./public-lists";

/** A column and one page of its listing, or null when the column or the page does not exist. */
export async function getColumnPage(slug: string, page: number) {
  const context = await getColumnContext(slug);
  if (!context) return null;
  const listing = await listColumnArticles(context.listedColumnIds, page);
  if (page > listing.pageCount) return null;
  return { context, listing };
}
