"use server";

import { z } from "zod";
import { ActionError } from "@/lib/actions/errors";
import { action } from "@/lib/actions/safe-action";
import { auditBy } from "@/lib/audit/by";
import { assertCan } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
// The upload endpoint's action (media.upload) lives with the multipart handling; importing it here registers it with the other media actions.
import "./upload";
import { localizeInputSchema, localizeRemoteImages } from "./remote";

const STAFF = ["ADMIN", "REVIEWER", "EDITOR"] as const;

const altSchema = z.object({
  id: z.number().int().positive(),
  alt: z.string().trim().max(200, "替代文字不能超过 200 字"),
});

/**
 * The library's default alt text for an image (offered when the image is inserted
 * again). Whoever may upload may describe; articles keep the alt they were given.
 */
export const updateMediaAlt = action({ name: "media.updateAlt", roles: STAFF, schema: altSchema }, async (input, { user }) => {
  assertCan(user, "media:upload");
  const media = await db().media.findUnique({ where: { id: input.id }, select: { id: true, kind: true, alt: true } });
  if (!media || media.kind !== "IMAGE") throw new ActionError("not_found", "图片不存在或已被删除。");
  await db().media.update({ where: { id: media.id }, data: { alt: input.alt } });
  await auditBy(user, { action: "media.updateAlt", targetType: "media", targetId: media.id, detail: { from: media.alt, to: input.alt } });
  return { id: media.id, alt: input.alt };
});

/**
 * 图片本地化: the server fetches pasted remote pictures and stores them as the user's
 * media (lib/media/remote.ts); one result per address, failures with their reason.
 */
export const localizeRemoteImagesAction = action({ name: "media.localize-remote", roles: STAFF, schema: localizeInputSchema }, (input, { user }) =>
  localizeRemoteImages(input, user),
);
