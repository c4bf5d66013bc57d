import { expect, test } from "@playwright/test";
import { makeScheduleDue, sql } from "./helpers/instances";
import { act, as, workflowStatus as status } from "./helpers/workflow";

/**
 * 三审 in practice: an editor submits into a column with two review levels and takes it
 * back (撤回); resubmits; a reviewer sends it back with a comment; the editor fixes and
 * resubmits; the first reviewer approves; the second rewrites a sentence, which restarts
 * the round (the first approval is void, and she may not approve her own words); the
 * first approves again, the admin approves the second level and schedules it two
 * minutes ahead; it goes public at that minute with nobody doing anything more (the
 * test moves the schedule's minute to now rather than wait for it).
 */
test.setTimeout(4 * 60_000);

/** "2026-11-29T10:32" in Asia/Shanghai, `minutes` from now, for <input type="datetime-local">. */
function shanghaiWallTime(minutes: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + minutes * 60_000).toISOString().slice(0, 16);
}

test("an article passes two reviews after a rejection and is published on schedule", async ({ browser, request }) => {
  const title = `关于开展冬季供暖安全检查的通知${Date.now() % 100000}`;

  // The editor writes and saves a draft in 通知公告 (two review levels).
  const editor = await as(browser, "editor", "/admin/articles/new");
  await editor.getByLabel("标题", { exact: true }).fill(title);
  await editor.getByLabel(/栏目/).selectOption({ label: "通知公告" });
  await editor.locator(".ProseMirror").click();
  await editor.keyboard.type("各区、各有关单位：为切实做好冬季供暖安全工作，现将有关事项通知如下。");
  await editor.getByRole("button", { name: "保存", exact: true }).click();
  await expect(editor).toHaveURL(/\/admin\/articles\/\d+$/);
  const id = Number(/\/admin\/articles\/(\d+)/.exec(editor.url())![1]);
  await editor.reload();
  await act(editor, "提交审核", "请审核");
  await expect(status(editor)).toHaveText("审核中");

  // 撤回: the editor takes the submission back before anyone approved it.
  await act(editor, "撤回", "还要补充附件");
  await expect(status(editor)).toHaveText("草稿");
  await expect(editor.locator(".workflow-history")).toContainText("撤回");
  await act(editor, "提交审核", "请审核");
  await expect(status(editor)).toHaveText("审核中");

  // The first reviewer sends it back with a comment.
  const reviewer = await as(browser, "reviewer", `/admin/articles/${id}`);
  await act(reviewer, "退回修改", "标题请注明发文单位");
  await expect(status(reviewer)).toHaveText("草稿");

  // The editor sees why on the dashboard, fixes the title and resubmits.
  await editor.goto("/admin");
  await expect(editor.getByText("标题请注明发文单位")).toBeVisible();
  await editor.goto(`/admin/articles/${id}`);
  await editor.getByLabel("标题", { exact: true }).fill(`市住建局${title}`);
  await editor.getByRole("button", { name: "保存", exact: true }).click();
  await expect(editor.getByTestId("save-status")).toHaveText(/已保存/);
  await editor.reload();
  await act(editor, "提交审核");
  await expect(status(editor)).toHaveText("审核中");

  // First level: the first reviewer; he may not approve the second level too.
  await reviewer.reload();
  await act(reviewer, "审核通过", "一审同意");
  await expect(reviewer.getByText(/待二审/)).toBeVisible();
  await expect(reviewer.getByRole("button", { name: "审核通过", exact: true })).toHaveCount(0);

  // The editor can no longer take it back: a level is approved.
  await editor.reload();
  await expect(editor.getByRole("button", { name: "撤回", exact: true })).toHaveCount(0);

  // Second level: another reviewer rewrites a sentence instead of approving. The round
  // starts again, the first approval is void, and she may not approve her own words.
  const reviewer2 = await as(browser, "reviewer2", `/admin/articles/${id}`);
  await reviewer2.locator(".ProseMirror").click();
  await reviewer2.keyboard.press("Control+End");
  await reviewer2.keyboard.type("请各单位于本月底前报送检查情况。");
  await reviewer2.getByRole("button", { name: "保存", exact: true }).click();
  await expect(reviewer2.locator(".workflow-history")).toContainText("内容修改，审核重新开始，此前的审核意见作废");
  await expect(reviewer2.getByText(/待一审/)).toBeVisible();
  await expect(reviewer2.getByRole("button", { name: "审核通过", exact: true })).toHaveCount(0);

  // The first reviewer reads the new text and approves level 1 again; the admin level 2.
  await reviewer.reload();
  await act(reviewer, "审核通过", "修改后一审同意");
  await expect(reviewer.getByText(/待二审/)).toBeVisible();
  const admin = await as(browser, "admin", `/admin/articles/${id}`);
  await act(admin, "审核通过", "二审同意");
  await expect(status(admin)).toHaveText("已审核");
  await admin.getByRole("button", { name: "定时发布", exact: true }).click();
  await admin.getByLabel("发布时间").fill(shanghaiWallTime(2));
  await admin.getByRole("button", { name: "确认定时发布" }).click();
  await expect(status(admin)).toHaveText("定时发布");

  // Not public before its time…
  expect((await request.get(`/articles/${id}`)).status()).toBe(404);
  // Stored as UTC in a timestamp without time zone.
  const [scheduled] = await sql<{ ms: string }>(`SELECT extract(epoch FROM "scheduledAt" AT TIME ZONE 'UTC') * 1000 AS ms FROM "Article" WHERE id = $1`, [id]);
  expect(Math.abs(Number(scheduled.ms) - Date.parse(`${shanghaiWallTime(2)}:00+08:00`))).toBeLessThanOrEqual(60_000);
  // …and public after it, with nobody doing anything more. The clock is moved to the
  // minute instead of waited for (two real minutes); the heartbeat does the rest.
  await makeScheduleDue(id);
  await expect.poll(async () => (await request.get(`/articles/${id}`)).status(), { timeout: 30_000, intervals: [500] }).toBe(200);
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/articles/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`市住建局${title}`);
  await expect(page.getByText("请各单位于本月底前报送检查情况。")).toBeVisible();

  // The history shows every step, with the comments.
  await reviewer2.reload();
  await expect(status(reviewer2)).toHaveText("已发布");
  const history = reviewer2.locator(".workflow-history");
  await expect(history).toContainText("标题请注明发文单位");
  await expect(history).toContainText("二审同意");
  await expect(history).toContainText("内容修改，审核重新开始，此前的审核意见作废");
  await expect(history).toContainText("定时发布生效");

  // 撤稿 needs a reason: the form will not send an empty one.
  await reviewer2.getByRole("button", { name: "撤稿", exact: true }).click();
  await reviewer2.getByRole("button", { name: "确认撤稿" }).click();
  await expect(status(reviewer2)).toHaveText("已发布");
  await reviewer2.getByRole("button", { name: "取消" }).click();

  // 撤稿: the address answers 410 Gone at once, with the date but not the internal reason.
  await act(reviewer2, "撤稿", "发文单位要求撤回核实");
  await expect(status(reviewer2)).toHaveText("已撤稿");
  const gone = await request.get(`/articles/${id}`);
  expect(gone.status()).toBe(410);
  const notice = await gone.text();
  expect(notice).toContain("该信息已撤回");
  expect(notice).not.toContain("发文单位要求撤回核实");
  expect(notice).not.toContain(title);
});
