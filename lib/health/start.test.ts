import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { referenceSettings } from "@/lib/seed/settings";
import { setupTestDatabase } from "@/test/db";
import { runDailyIfDue, runNow } from "./start";

setupTestDatabase();

const ZONE = "Asia/Shanghai";

beforeAll(async () => {
  await db().siteSettings.create({ data: { id: 1, ...referenceSettings } });
});

describe("the daily run", () => {
  it("waits for the configured hour in the site's zone", async () => {
    // 02:59 in Beijing is 18:59 UTC the day before: not yet, whatever UTC says.
    expect(await runDailyIfDue(new Date("2026-12-06T18:59:00Z"), { hour: 3, timeZone: ZONE })).toBeNull();
    expect(await db().healthCheckRun.count()).toBe(0);
  });

  it("runs once a day across instances: of two heartbeats at once, one runs it", async () => {
    const at = new Date("2026-12-07T03:00:05+08:00");
    const results = await Promise.all([runDailyIfDue(at, { hour: 3, timeZone: ZONE }), runDailyIfDue(at, { hour: 3, timeZone: ZONE })]);
    expect(results.filter((id) => id !== null)).toHaveLength(1);
    // Later the same day, on any instance: nothing more.
    expect(await runDailyIfDue(new Date("2026-12-07T23:59:00+08:00"), { hour: 3, timeZone: ZONE })).toBeNull();
    const runs = await db().healthCheckRun.findMany();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: "SCHEDULED", day: "2026-12-07", status: expect.stringMatching(/PASSED|FAILED/) });
    // The next site-local day has its own run.
    expect(await runDailyIfDue(new Date("2026-12-08T03:30:00+08:00"), { hour: 3, timeZone: ZONE })).not.toBeNull();
  });
});

describe("a run by hand", () => {
  it("is refused while another is under way, and not after that one died with its instance", async () => {
    const running = await db().healthCheckRun.create({ data: { trigger: "MANUAL", startedBy: "张三" } });
    await expect(runNow("李四")).rejects.toThrow(/已有一次体检正在进行/);
    await db().healthCheckRun.update({ where: { id: running.id }, data: { startedAt: new Date(Date.now() - 31 * 60_000) } });
    const id = await runNow("李四");
    expect(await db().healthCheckRun.findUnique({ where: { id } })).toMatchObject({ startedBy: "李四", status: expect.stringMatching(/PASSED|FAILED/) });
  });

  it("of two at once, one runs and the other is told", async () => {
    const results = await Promise.allSettled([runNow("甲"), runNow("乙")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: expect.objectContaining({ code: "conflict" }) });
  });
});
