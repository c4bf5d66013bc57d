import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { ActionError } from "@/lib/actions/errors";
import { action } from "@/lib/actions/safe-action";
import { auditBy } from "@/lib/audit/by";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { mediaVisibleTo } from "./access";
import { createAttachmentMedia, displayName, type StoredAttachment } from "./attachments";
import { createImageMedia, toStoredImage, type ImageVariant, type StoredImage } from "./mutations";
import { sniffAttachment, sniffImage } from "./sniff";

export const uploadInputSchema = z.object({
  purpose: z.enum(["image", "attachment"], { message: "上传用途无效" }),
  name: z.string().trim().min(1, "缺少文件名").max(255, "文件名过长"),
  alt: z.string().trim().max(200, "替代文字不能超过 200 字").default(""),
  data: z.instanceof(Uint8Array, { message: "缺少文件" }),
});
export type UploadInput = z.input<typeof uploadInputSchema>;

export type UploadedMedia = ({ kind: "image"; name: string } & StoredImage) | ({ kind: "attachment" } & StoredAttachment);

export interface Uploader extends Actor {
  email: string;
}

/**
 * Checks an upload by content and stores it: images are decoded and re-encoded (which
 * also strips EXIF/GPS and anything hidden in the file), attachments are kept as they
 * are once their bytes prove their type. Both are deduplicated by SHA-256.
 */
export async function storeUpload(input: z.output<typeof uploadInputSchema>, user: Uploader): Promise<UploadedMedia> {
  assertCan(user, "media:upload");
  const name = displayName(input.name);
  let result: UploadedMedia;
  if (input.purpose === "image") {
    const sniffed = sniffImage(input.data);
    if (!sniffed.ok) throw new ActionError("invalid", sniffed.error);
    result = { kind: "image", name, ...(await existingImage(input.data, user)) ?? (await storeImage(input.data, name, input.alt, user.id)) };
  } else {
    const sniffed = sniffAttachment(input.data, name);
    if (!sniffed.ok) throw new ActionError("invalid", sniffed.error);
    result = { kind: "attachment", ...(await createAttachmentMedia({ data: input.data, originalName: name, ext: sniffed.value, uploadedById: user.id, reuse: mediaVisibleTo(user) })) };
  }
  await auditBy(user, { action: "media.upload",
    targetType: "media",
    targetId: result.id,
    detail: { kind: result.kind, name, size: input.data.length },
  });
  return result;
}

async function storeImage(data: Uint8Array, name: string, alt: string, userId: number): Promise<StoredImage> {
  try {
    return await createImageMedia({ data: Buffer.from(data), originalName: name, alt, uploadedById: userId });
  } catch (error) {
    // sharp refuses what it cannot decode: a truncated or disguised file.
    if (error instanceof Error && /not an image|unsupported image|Input buffer|pixel limit|corrupt|premature/i.test(error.message)) {
      throw new ActionError("invalid", "图片文件已损坏或尺寸过大，无法处理。");
    }
    throw error;
  }
}

/**
 * The same picture pasted or uploaded again is the same media item — among those the
 * uploader may see: another column's draft picture stays theirs (an upload must not
 * become a way to learn its address, nor to use it), and the uploader gets a copy.
 */
async function existingImage(data: Uint8Array, user: Uploader): Promise<StoredImage | null> {
  const sha256 = crypto.createHash("sha256").update(data).digest("hex");
  const m = await db().media.findFirst({ where: { AND: [{ sha256, kind: "IMAGE" }, mediaVisibleTo(user)] }, orderBy: { id: "asc" } });
  if (!m || !m.width || !m.height) return null;
  return toStoredImage(m.id, m.variants as unknown as ImageVariant[], m.width, m.height, m.alt);
}

const STAFF = ["ADMIN", "REVIEWER", "EDITOR"] as const;

/** The upload endpoint (app/api/media) calls this: session, role and input checks as for every action. */
export const uploadMedia = action({ name: "media.upload", roles: STAFF, schema: uploadInputSchema }, (input, { user }) => storeUpload(input, user));
