import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";
import type { PasteReport } from "@/lib/paste/clean";

/** One sentence about a cleaned paste: what was kept, what was dropped, what needs the editor. */
export function pasteSummary(r: PasteReport): string {
  const a = t.articlesAdmin;
  const part = (n: number, template: string) => (n ? fill(template, { n }) : "");
  const list = (items: string[], separator: string) => items.filter(Boolean).join(separator);
  const kept = list([part(r.headings, a.pastedHeadings), part(r.paragraphs, a.pastedParagraphs), part(r.tables, a.pastedTables)], "、");
  const dropped = list([part(r.removed.trackedChanges, a.pastedTracked), part(r.removed.comments, a.pastedComments), part(r.removed.emptyParagraphs, a.pastedEmpty)], "、");
  const images = list([part(r.images.embedded, a.pastedEmbedded), part(r.images.remote.length, a.pastedRemote), part(r.images.unreadable, a.pastedUnreadable), part(r.images.unusable, a.pastedUnusable)], "；");
  const source = a[`source_${r.source}`];
  const head = fill(a.pasted, { source }) + (kept ? fill(a.pastedKept, { kept }) : "");
  return list([head, dropped && fill(a.pastedDropped, { dropped }), images], "；") + "。";
}
