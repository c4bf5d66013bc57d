import { assertSafeKey, mediaStorage } from "@/lib/media/storage";

const TYPES: Record<string, string> = {
  webp: "image/webp",
  jpg: "image/jpeg",
  png: "image/png",
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  wps: "application/vnd.ms-works",
  ofd: "application/ofd",
  zip: "application/zip",
};

/** Uploaded media, from the shared storage. Keys are generated and immutable, so caches may keep them forever. */
export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const key = (await params).key.join("/");
  try {
    assertSafeKey(key);
  } catch {
    return new Response("Not found", { status: 404 });
  }
  const data = await mediaStorage().get(key);
  if (!data) return new Response("Not found", { status: 404 });
  const ext = key.split(".").pop() ?? "";
  return new Response(new Uint8Array(data), {
    headers: {
      "content-type": TYPES[ext] ?? "application/octet-stream",
      "content-length": String(data.length),
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      // Attachments download; images display.
      ...(TYPES[ext]?.startsWith("image/") ? {} : { "content-disposition": "attachment" }),
    },
  });
}
