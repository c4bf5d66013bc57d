import type { PasteReport } from "@/lib/paste/clean";

const SOURCE: Record<PasteReport["source"], string> = { word: "Word", wps: "WPS", wechat: "微信公众号", web: "网页" };

/** One sentence about a cleaned paste: what was kept, what was dropped, what needs the editor. */
export function pasteSummary(r: PasteReport): string {
  const kept = [r.headings && `${r.headings} 个标题`, r.paragraphs && `${r.paragraphs} 段`, r.tables && `${r.tables} 个表格`].filter(Boolean).join("、");
  const dropped = [
    r.removed.trackedChanges && `${r.removed.trackedChanges} 处修订标记（已接受修订）`,
    r.removed.comments && `${r.removed.comments} 条批注`,
    r.removed.emptyParagraphs && `${r.removed.emptyParagraphs} 个空段落`,
  ]
    .filter(Boolean)
    .join("、");
  const images = [
    r.images.embedded && `${r.images.embedded} 张图片正在上传`,
    r.images.remote.length && `${r.images.remote.length} 张图片来自外部网站，请下载后重新上传`,
    r.images.unreadable && `${r.images.unreadable} 张图片无法从剪贴板读取，请单独插入`,
  ]
    .filter(Boolean)
    .join("；");
  return [`已粘贴并清理${SOURCE[r.source]}格式${kept ? `：${kept}` : ""}`, dropped && `去掉了${dropped}`, images].filter(Boolean).join("；") + "。";
}
