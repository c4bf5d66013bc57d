import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";
import { UNUSABLE_REASONS, type DroppedImages } from "./image-sources";

/** "2 张图片无法读取，已去掉（1 张是其他网页的临时图片、1 张图片地址不完整）…": what the editor shows. */
export function droppedImagesMessage(dropped: DroppedImages): string {
  const n = UNUSABLE_REASONS.reduce((sum, r) => sum + (dropped[r] ?? 0), 0);
  const reasons = UNUSABLE_REASONS.filter((r) => dropped[r]).map((r) => fill(t.editor.imageDropReasons[r], { n: dropped[r]! }));
  return fill(t.editor.imagesDropped, { n, reasons: reasons.join("、") });
}
