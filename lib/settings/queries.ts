import { DEFAULT_INDEX_NO_PATTERN } from "@/lib/documents/index-no";
import { cache } from "react";
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
 * Site settings with the logo's URL, read from the database (the public app server keeps
 * the frame — settings and columns — in its own cache: lib/site/render.ts, loadSiteFrame)
 * and once per Next.js request. A fresh database without the row still renders with
 * sane values.
 */
export const getSiteSettings = cache(async () => {
  const row = await db().siteSettings.findUnique({ where: { id: 1 } });
  const settings = row ?? { id: 1, logoId: null, require2faForStaff: false, remoteImageHosts: "", checkExternalLinks: false, indexNoPattern: DEFAULT_INDEX_NO_PATTERN, updatedAt: new Date(0), ...referenceSettings };
  return { ...settings, logo: await loadLogo(settings.logoId) };
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
