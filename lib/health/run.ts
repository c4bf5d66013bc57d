import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { siteUrl } from "@/lib/env";
import { DISPLAY_TIME_ZONE, formatDate, formatDateTime } from "@/lib/format/date";
import { fill } from "@/lib/i18n/fill";
import { parseAllowList, type AllowList } from "@/lib/net/address-policy";
import { referenceSettings } from "@/lib/seed/settings";
import { publicArticleSql } from "@/lib/articles/public-rule";
import { scanLiveContent } from "./content";
import { checkExternalLinks, type ExternalOptions } from "./external";
import { articleFix, columnFix, failsRun, settingsFix, type Finding, type HealthCheckKind } from "./finding";
import { footerProblems } from "./footer";
import type { HealthCounts, HealthReport } from "./report";
import { assessColumns, type ColumnFacts, type StalenessReport } from "./staleness";
import { healthText as H } from "./text";

/**
 * One run of the 站点体检: every check, its findings stored with the run (so the page
 * shows the trend), the run PASSED when nothing fails it. The caller has created the
 * run's row (run-now.ts, schedule.ts); a crash is recorded on it as ERROR.
 */
export interface RunOptions {
  now?: Date;
  timeZone?: string;
  /** For tests: the external check's bounds (the setting still decides whether it runs). */
  external?: Partial<Omit<ExternalOptions, "allow">>;
}

async function columnFacts(now: Date): Promise<ColumnFacts[]> {
  const [columns, newest] = await Promise.all([
    db().column.findMany({ select: { id: true, name: true, parentId: true, position: true, hidden: true, reportCategory: true, updateEveryDays: true } }),
    db().$queryRaw<{ columnId: number; newest: Date }[]>(Prisma.sql`
      SELECT a."columnId", max(a."publishedAt") AS newest FROM "Article" a WHERE ${publicArticleSql(now, "a")} GROUP BY a."columnId"`),
  ]);
  const byColumn = new Map(newest.map((r) => [r.columnId, r.newest]));
  return columns.map((c) => ({ ...c, newestOwn: byColumn.get(c.id) ?? null }));
}

function stalenessFindings(report: StalenessReport): Finding[] {
  const findings: Finding[] = [];
  for (const item of report.veto) {
    if (!item.failed) continue;
    const text = H.veto[item.key];
    const current = item.current === null ? H.message.homeNever : fill(text.unit, { n: item.current });
    const fix = item.key === "home" ? { fixHref: "/admin/articles/new", fixLabel: H.fix.newArticle } : { fixHref: "/admin/columns", fixLabel: H.fix.columns };
    findings.push({ check: "veto", severity: "veto", message: fill(H.message.veto, { label: text.label, current, threshold: fill(text.threshold, { n: item.threshold }) }), ...fix });
  }
  for (const c of report.columns) {
    if (c.state === "overdue") {
      const message = fill(H.message.stale, { column: c.name, category: c.category, days: c.periodDays!, last: c.lastUpdated!, deadline: c.deadline!, late: c.lateDays });
      findings.push({ check: "stale-column", severity: "error", message, ...columnFix(c.id) });
    } else if (c.state === "blank") {
      findings.push({ check: "blank-column", severity: "error", message: fill(H.message.blank, { column: c.name }), ...columnFix(c.id) });
    }
  }
  return findings;
}

/** 公开日期 moved on an article already public (audited as "article.placement" with before and after). */
async function publishDateFindings(): Promise<Finding[]> {
  const rows = await db().$queryRaw<{ id: number; title: string; at: Date; actor: string; before: string; after: string | null }[]>(Prisma.sql`
    SELECT DISTINCT ON (a.id) a.id, a.title, e.at, e."actorLabel" AS actor,
           e.detail->'before'->>'publishedAt' AS before, e.detail->'after'->>'publishedAt' AS after
    FROM "AuditEntry" e JOIN "Article" a ON e."targetId" = a.id::text
    WHERE e.action = 'article.placement' AND e."targetType" = 'article' AND a.live
      AND e.detail->'before'->>'publishedAt' IS NOT NULL
      AND e.detail->'before'->>'publishedAt' IS DISTINCT FROM e.detail->'after'->>'publishedAt'
    ORDER BY a.id, e.at DESC`);
  return rows.map((r) => ({
    check: "publish-date-changed" as const,
    severity: "error" as const,
    message: fill(H.message.dateChanged, {
      title: r.title,
      at: formatDateTime(r.at),
      actor: r.actor || "—",
      before: formatDateTime(new Date(r.before)),
      after: r.after ? formatDateTime(new Date(r.after)) : "—",
    }),
    ...articleFix(r.id),
  }));
}

/**
 * The footer's findings, and whether (and where) external links are checked: intranet
 * hosts the site allows for remote pictures (lib/media/remote.ts reads the same setting)
 * are the ones a link check may reach too.
 */
async function settingsFindings(): Promise<{ findings: Finding[]; checkExternal: boolean; allow: AllowList }> {
  const row = await db().siteSettings.findUnique({ where: { id: 1 } });
  const settings = row ?? { ...referenceSettings, checkExternalLinks: false, remoteImageHosts: "" };
  const findings = footerProblems(settings).map((message) => ({ check: "footer" as const, severity: "error" as const, message, ...settingsFix() }));
  return { findings, checkExternal: settings.checkExternalLinks, allow: parseAllowList(settings.remoteImageHosts) };
}

/** Runs every check for the run `runId` and records the outcome on it. */
export async function performRun(runId: number, options: RunOptions = {}): Promise<void> {
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? DISPLAY_TIME_ZONE;
  try {
    const staleness = assessColumns(await columnFacts(now), now, timeZone);
    const content = await scanLiveContent(now, new URL(siteUrl()).origin);
    const footer = await settingsFindings();
    const external = footer.checkExternal ? await checkExternalLinks(content.externalLinks, { allow: footer.allow, ...options.external }) : null;
    const findings = [...stalenessFindings(staleness), ...content.findings, ...(external?.findings ?? []), ...(await publishDateFindings()), ...footer.findings];
    const counts: HealthCounts = {};
    for (const f of findings) counts[f.check as HealthCheckKind] = (counts[f.check] ?? 0) + 1;
    const report: HealthReport = { ...staleness, timeZone, external: external?.summary ?? null };
    await db().$transaction([
      db().healthFinding.createMany({ data: findings.map((f) => ({ ...f, runId })) }),
      db().healthCheckRun.update({
        where: { id: runId },
        data: {
          status: findings.some(failsRun) ? "FAILED" : "PASSED",
          finishedAt: new Date(),
          counts: counts as Prisma.InputJsonValue,
          report: report as unknown as Prisma.InputJsonValue,
        },
      }),
    ]);
  } catch (error) {
    console.error(`[health] run ${runId} failed:`, error);
    await db().healthCheckRun.update({ where: { id: runId }, data: { status: "ERROR", finishedAt: new Date(), error: String((error as Error)?.message ?? error).slice(0, 500) } });
  }
}

/** The site-local calendar day of `now`, the key of the day's scheduled run. */
export const siteDay = (now: Date, timeZone = DISPLAY_TIME_ZONE) => formatDate(now, timeZone);
