import { getColumnTree } from "@/lib/columns/queries";
import { getSiteSettings } from "@/lib/settings/queries";
import type { SiteFrame } from "./page";

/** The settings and the visible column tree, read from the database (no caching: the app server caches the frame). */
export async function loadSiteFrame(): Promise<SiteFrame> {
  const [settings, columns] = await Promise.all([getSiteSettings(), getColumnTree()]);
  return { settings, columns };
}
