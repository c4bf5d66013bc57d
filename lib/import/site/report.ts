import { fill } from "@/lib/i18n/fill";
import { importText } from "./text";

/** What a run did, item by item where something went wrong; printed at the end (./format). */
export interface ImportReport {
  source: string;
  dryRun: boolean;
  imported: number;
  updated: number;
  skipped: number;
  failed: number;
  pictures: number;
  attachments: number;
  redirects: number;
  columnsCreated: string[];
  /** Failures (the item was not written) and notes (written, with something left out). */
  problems: { item: string; problem: string; failed: boolean }[];
}

export function emptyReport(source: string, dryRun: boolean): ImportReport {
  return { source, dryRun, imported: 0, updated: 0, skipped: 0, failed: 0, pictures: 0, attachments: 0, redirects: 0, columnsCreated: [], problems: [] };
}

const R = importText.report;

/** The report as lines for the terminal; at most `limit` problems listed. */
export function formatReport(report: ImportReport, limit = 200): string {
  const lines = [fill(R.heading, { source: report.source }), fill(R.counts, { imported: report.imported, updated: report.updated, skipped: report.skipped, failed: report.failed, pictures: report.pictures, attachments: report.attachments, redirects: report.redirects })];
  if (report.columnsCreated.length) lines.push(`新建栏目：${report.columnsCreated.join("、")}`);
  if (report.dryRun) lines.push(R.dryRun);
  if (report.problems.length) {
    lines.push(R.problemsHeading);
    const sorted = [...report.problems].sort((a, b) => Number(b.failed) - Number(a.failed));
    for (const p of sorted.slice(0, limit)) lines.push(fill(R.problemLine, { item: p.item, problem: `${p.failed ? `【${importText.outcome.failed}】` : ""}${p.problem}` }));
    if (sorted.length > limit) lines.push(fill(R.more, { count: sorted.length - limit }));
  }
  return lines.join("\n");
}
