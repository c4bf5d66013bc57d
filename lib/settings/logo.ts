import "server-only";
import sharp from "sharp";
import { ActionError } from "@/lib/actions/errors";

/** Raster formats a logo may have. SVG is refused: it can carry scripts, and sharp would rasterize it anyway. */
const ALLOWED = new Set(["jpeg", "png", "webp", "gif"]);

/**
 * Decides by the bytes, never the file name or declared type: sharp must decode the
 * image and name an allowed format.
 */
export async function assertLogoImage(data: Buffer): Promise<void> {
  const head = data.subarray(0, 512).toString("utf8").trimStart().toLowerCase();
  if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg"))) throw notSvg();
  let format: string | undefined;
  try {
    const meta = await sharp(data, { failOn: "error", limitInputPixels: 60_000_000 }).metadata();
    if (!meta.width || !meta.height) throw new Error("no size");
    format = meta.format;
  } catch {
    throw new ActionError("invalid", "无法识别该文件，请上传 PNG、JPEG、WebP 或 GIF 格式的图片。", { fieldErrors: { logo: ["不是有效的图片"] } });
  }
  if (format === "svg") throw notSvg();
  if (!format || !ALLOWED.has(format)) {
    throw new ActionError("invalid", "不支持该图片格式，请上传 PNG、JPEG、WebP 或 GIF 格式的图片。", { fieldErrors: { logo: ["格式不支持"] } });
  }
}

function notSvg() {
  return new ActionError("invalid", "出于安全考虑，不接受 SVG 格式的标志，请上传 PNG、JPEG 或 WebP 图片。", { fieldErrors: { logo: ["不接受 SVG"] } });
}
