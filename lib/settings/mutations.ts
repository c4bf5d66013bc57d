import "server-only";
import { auditBy, type AuditActor } from "@/lib/audit/by";
import { changedFields } from "@/lib/audit/diff";
import { db, type Prisma } from "@/lib/db/client";
import { createImageMedia } from "@/lib/media/mutations";
import { referenceSettings } from "@/lib/seed/settings";
import { assertLogoImage } from "./logo";
import type { SettingsInput } from "./schema";

const ID = 1;

/** The one settings row, created with the defaults the public site shows without it. */
async function currentSettings(tx: Prisma.TransactionClient) {
  await tx.$executeRaw`SELECT 1 FROM "SiteSettings" WHERE "id" = ${ID} FOR UPDATE`;
  return tx.siteSettings.upsert({ where: { id: ID }, update: {}, create: { id: ID, ...referenceSettings } });
}

export async function updateSettings(input: SettingsInput, actor: AuditActor) {
  await db().$transaction(async (tx) => {
    const before = await currentSettings(tx);
    const changes = changedFields(before, input);
    if (Object.keys(changes).length === 0) return;
    await tx.siteSettings.update({ where: { id: ID }, data: input });
    await auditBy(actor, { action: "settings.update", targetType: "settings", targetId: ID, detail: { changes } }, tx);
  });
}

/** Checks the bytes, stores the image's renditions in the media library, and makes it the logo. */
export async function setLogo(file: File, actor: AuditActor) {
  const data = Buffer.from(await file.arrayBuffer());
  await assertLogoImage(data);
  const image = await createImageMedia({ data, originalName: file.name, alt: "网站标志", uploadedById: actor.id });
  await db().$transaction(async (tx) => {
    const before = await currentSettings(tx);
    await tx.siteSettings.update({ where: { id: ID }, data: { logoId: image.id } });
    await auditBy(
      actor,
      { action: "settings.logo", targetType: "settings", targetId: ID, detail: { from: before.logoId, to: image.id, size: data.length } },
      tx,
    );
  });
  return image;
}

/** The old image stays in the media library: it may be used elsewhere, and the audit entry names it. */
export async function removeLogo(actor: AuditActor) {
  await db().$transaction(async (tx) => {
    const before = await currentSettings(tx);
    if (before.logoId === null) return;
    await tx.siteSettings.update({ where: { id: ID }, data: { logoId: null } });
    await auditBy(actor, { action: "settings.logo-remove", targetType: "settings", targetId: ID, detail: { from: before.logoId } }, tx);
  });
}
