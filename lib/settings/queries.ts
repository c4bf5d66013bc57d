import { db } from "@/lib/db/client";
import { referenceSettings } from "@/lib/seed/settings";

export type SiteSettings = Awaited<ReturnType<typeof getSiteSettings>>;

/** Site settings; a fresh database without the row still renders with sane values. */
export async function getSiteSettings() {
  const row = await db().siteSettings.findUnique({ where: { id: 1 } });
  return row ?? { id: 1, logoId: null, require2faForStaff: false, updatedAt: new Date(0), ...referenceSettings };
}
