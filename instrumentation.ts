/**
 * Runs once when a Gazette server starts. Listens for other instances' cache
 * refreshes, puts the built assets next to the static snapshot, drops downloads
 * rendered by other builds, and starts the
 * scheduler's heartbeat: every few
 * seconds the instance asks itself to publish what is due (see app/api/internal/tick).
 * Every instance does this; publishDue claims each article once, so that is safe, and
 * it needs no outside cron. The first tick soon after start publishes schedules that
 * were missed while the server was down.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startRefreshListener } = await import("./lib/cache/bus");
  startRefreshListener();
  const { copyBuildAssets } = await import("./lib/static/snapshot");
  await copyBuildAssets(process.env.NEXT_DIST_DIR || ".next").catch((e) => console.warn("[static] assets not copied:", e));
  // Downloads rendered by an earlier build would differ from this one's.
  const { pruneOtherBuilds } = await import("./lib/export/download-cache");
  await pruneOtherBuilds().catch((e) => console.warn("[downloads] old files not removed:", e));
  if (process.env.GAZETTE_SCHEDULER === "off") return;
  const { startScheduler } = await import("./lib/workflow/heartbeat");
  startScheduler();
}
