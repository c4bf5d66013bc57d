import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { mediaVisibleTo, type MediaViewer } from "./access";
import { mediaUrl } from "./storage";
import { toStoredImage, type ImageVariant } from "./stored-image";

export interface MediaItem {
  id: number;
  kind: "IMAGE" | "ATTACHMENT";
  name: string;
  alt: string;
  mimeType: string;
  size: number;
  width: number | null;
  height: number | null;
  createdAt: string;
  uploadedBy: string;
  /** The fallback (JPEG for images, the file for attachments). */
  src: string;
  srcset: string;
  /** The smallest rendition, for grids. */
  thumb: string;
}

export interface MediaPage {
  items: MediaItem[];
  total: number;
  page: number;
  pageCount: number;
}

export const MEDIA_PAGE_SIZE = 24;

const select = {
  id: true, kind: true, originalName: true, alt: true, mimeType: true, size: true, width: true, height: true,
  createdAt: true, storageKey: true, variants: true, uploadedBy: { select: { name: true } },
} satisfies Prisma.MediaSelect;

function toItem(m: Prisma.MediaGetPayload<{ select: typeof select }>): MediaItem {
  const variants = (m.variants ?? []) as unknown as ImageVariant[];
  const image = m.kind === "IMAGE" && variants.length && m.width && m.height ? toStoredImage(m.id, variants, m.width, m.height, m.alt) : null;
  const smallest = variants.filter((v) => v.mimeType === "image/webp").sort((a, b) => a.width - b.width)[0];
  return {
    id: m.id,
    kind: m.kind,
    name: m.originalName,
    alt: m.alt,
    mimeType: m.mimeType,
    size: m.size,
    width: m.width,
    height: m.height,
    createdAt: m.createdAt.toISOString(),
    uploadedBy: m.uploadedBy?.name ?? "",
    src: image?.src ?? mediaUrl(m.storageKey),
    srcset: image?.srcset ?? "",
    thumb: smallest ? mediaUrl(smallest.key) : image?.src ?? mediaUrl(m.storageKey),
  };
}

/**
 * The media library as one user may see it (mediaVisibleTo: admins everything, others
 * what they uploaded and what the articles of their columns use): newest first,
 * searchable by file name and alt text. The admin page and the editor's picker both
 * list through here.
 */
export async function listMediaLibrary(
  viewer: MediaViewer,
  filter: { kind?: "IMAGE" | "ATTACHMENT"; q?: string; page?: number; pageSize?: number },
): Promise<MediaPage> {
  const pageSize = Math.min(100, Math.max(1, filter.pageSize ?? MEDIA_PAGE_SIZE));
  const q = filter.q?.trim();
  const where: Prisma.MediaWhereInput = {
    AND: [
      mediaVisibleTo(viewer),
      filter.kind ? { kind: filter.kind } : {},
      q ? { OR: [{ originalName: { contains: q, mode: "insensitive" } }, { alt: { contains: q, mode: "insensitive" } }] } : {},
    ],
  };
  const total = await db().media.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, filter.page ?? 1), pageCount);
  const rows = await db().media.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select,
  });
  return { items: rows.map(toItem), total, page, pageCount };
}

export async function getMediaItems(ids: number[]): Promise<MediaItem[]> {
  if (!ids.length) return [];
  const rows = await db().media.findMany({ where: { id: { in: ids } }, select });
  const byId = new Map(rows.map((r) => [r.id, toItem(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
