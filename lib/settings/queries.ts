import { cache } from "react";
import { sharedRead } from "@/lib/cache/shared";
import { db } from "@/lib/db/client";
import { mediaUrl } from "@/lib/media/storage";
import { referenceSettings } from "@/lib/seed/settings";

export interface SiteLogo {
  src: string;
  width: number | null;
  height: number | null;
}

export type SiteSettings = Awaited<ReturnType<typeof getSiteSettings>>;

/**
 * Site settings with the logo's URL, from the data cache (refreshed by any settings
 * change: tag "settings") and once per request. A fresh database without the row still
 * renders with sane values.
 */
const readSettings = sharedRead(
  async () => {
    const row = await db().siteSettings.findUnique({ where: { id: 1 } });
    const settings = row ?? { id: 1, logoId: null, require2faForStaff: false, remoteImageHosts: "", updatedAt: new Date(0), ...referenceSettings };
    return { ...settings, updatedAt: settings.updatedAt.toISOString(), logo: await loadLogo(settings.logoId) };
  },
  "settings",
  ["settings"],
);

export const getSiteSettings = cache(async () => {
  const settings = await readSettings();
  return { ...settings, updatedAt: new Date(settings.updatedAt) };
});

async function loadLogo(logoId: number | null): Promise<SiteLogo | null> {
  if (logoId === null) return null;
  const media = await db().media.findUnique({
    where: { id: logoId },
    select: { kind: true, storageKey: true, width: true, height: true },
  });
  if (!media || media.kind !== "IMAGE") return null;
  return { src: mediaUrl(media.storageKey), width: media.width, height: media.height };
}
