import { expect, test, type Page } from "@playwright/test";
import { makeScheduleDue } from "./helpers/instances";
import { act, as, workflowStatus as status } from "./helpers/workflow";

/**
 * Review as a bureau runs it: 人事信息 has three levels named to people — 一审 the section
 * head (审核老李), 二审 a 会签 of 终审老张 and the admin, 三审 the group 主要领导 (局长老赵).
 * The editor proposes a publish time when submitting; a 会签 signature alone does not
 * pass level 2; the admin returns it to level 1, which approves again; the 会签 completes;
 * the principal keeps the proposed time, and the article goes public at it (the test
 * moves that minute to now rather than wait for it). Each person learns of their turn
 * from the 站内消息, and only the people the level names are told.
 */
test.setTimeout(5 * 60_000);

/** `minutes` from now as Beijing wall time, for <input type="datetime-local">. */
function beijingWallTime(minutes: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + minutes * 60_000).toISOString().slice(0, 16);
}

const levelLine = (page: Page) => page.getByTestId("workflow-level");

/** The messages about `title` in this person's 站内消息, read in a tab of their own. */
async function messagesAbout(page: Page, title: string): Promise<string[]> {
  const inbox = await page.context().newPage();
  await inbox.goto("/admin/messages");
  const texts = await inbox.getByTestId("message").filter({ hasText: title }).allInnerTexts();
  await inbox.close();
  return texts;
}
const waitingFor = (level: number) => `等待您审核（第 ${level} 级，共 3 级）`;

test("three named levels, a 会签, a return to level 1 and publication at the proposed time", async ({ browser, request }) => {
  const stamp = Date.now() % 100000;
  const title = `关于任免市人力资源和社会保障局干部的通知${stamp}`;

  // The admin makes the group 主要领导 and names the three levels of 人事信息.
  const admin = await as(browser, "admin", "/admin/users");
  const groups = admin.getByTestId("reviewer-groups");
  await groups.locator("summary", { hasText: "新建审核组" }).click();
  const newGroup = groups.getByRole("form", { name: "新建审核组" });
  await newGroup.getByLabel("审核组名称").fill(`主要领导${stamp}`);
  await newGroup.getByRole("checkbox", { name: "局长老赵" }).check();
  await newGroup.getByRole("button", { name: "新建审核组" }).click();
  await expect(groups.locator("summary strong", { hasText: `主要领导${stamp}` })).toBeVisible();

  await admin.goto("/admin/columns");
  await admin.getByRole("link", { name: "编辑 人事信息" }).click();
  const form = admin.getByRole("form", { name: "编辑栏目" });
  const level = (name: string) => form.getByRole("group", { name: `${name}审核人员` });
  await level("一审").getByRole("checkbox", { name: /审核老李/ }).check();
  await level("二审").getByRole("radio", { name: /会签/ }).check();
  await level("二审").getByRole("checkbox", { name: /终审老张/ }).check();
  await level("二审").getByRole("checkbox", { name: /^管理员/ }).check();
  await level("三审").getByLabel("审核组").selectOption({ label: `主要领导${stamp}` });
  await form.getByRole("button", { name: "保存" }).click();
  await expect(admin.getByTestId("column-edit-status")).toHaveText(/已保存/);

  // The editor writes a draft; the save keeps her on the page with the review panel ready.
  const editor = await as(browser, "editor", "/admin/articles/new");
  await editor.getByLabel("标题", { exact: true }).fill(title);
  await editor.getByLabel(/栏目/).selectOption({ label: "人事信息" });
  await editor.locator(".ProseMirror").click();
  await editor.keyboard.type("经研究决定，任命张三同志为市人力资源和社会保障局副局长。");
  await editor.getByRole("button", { name: "保存", exact: true }).click();
  await expect(editor).toHaveURL(/\/admin\/articles\/\d+$/);
  await expect(editor.getByRole("link", { name: /打开文章页/ })).toHaveCount(0);
  const id = Number(/\/admin\/articles\/(\d+)/.exec(editor.url())![1]);
  // Submitting with a proposed publish time, in 北京时间 as the field says.
  await editor.getByRole("button", { name: "提交审核", exact: true }).click();
  await editor.getByLabel("拟发布时间（北京时间，可选）").fill(beijingWallTime(4));
  await editor.getByRole("button", { name: "确认提交审核" }).click();
  await expect(editor).toHaveURL(new RegExp(`/admin/articles/${id}$`));
  await expect(status(editor)).toHaveText("审核中");
  await expect(editor.getByTestId("workflow-proposed")).toContainText("北京时间");

  // Level 1 is 审核老李's: 终审老张 has no approval and is told why — and no message.
  const zhang = await as(browser, "reviewer2", `/admin/articles/${id}`);
  await expect(zhang.getByRole("button", { name: "审核通过", exact: true })).toHaveCount(0);
  await expect(zhang.getByTestId("workflow-no-approval")).toContainText("本级（一审）由指定人员审核：审核老李");
  const li = await as(browser, "reviewer", `/admin/articles/${id}`);
  // (Messages are written just after each action: read them with a poll.)
  await expect.poll(async () => (await messagesAbout(li, title)).join()).toContain(waitingFor(1));
  expect(await messagesAbout(zhang, title)).toEqual([]);
  await act(li, "审核通过", "一审同意");
  await expect(li.getByText(/待二审/)).toBeVisible();
  await expect(li.getByTestId("workflow-no-approval")).toContainText("同一人不能审核同一篇文章的两级");

  // Level 2 is a 会签 of both, and both are told.
  await expect.poll(async () => (await messagesAbout(zhang, title)).join()).toContain(waitingFor(2));
  await expect.poll(async () => (await messagesAbout(admin, title)).join()).toContain(waitingFor(2));
  // 终审老张's signature alone does not pass it.
  await zhang.reload();
  await act(zhang, "审核通过", "二审同意");
  await expect(zhang.getByText(/待二审/)).toBeVisible();
  await expect(levelLine(zhang)).toContainText("已审核：终审老张");
  await expect(levelLine(zhang)).toContainText("待审核：管理员");

  // The admin returns it to level 1: 审核老李 approves again, and the 会签 starts over.
  await admin.goto(`/admin/articles/${id}`);
  await act(admin, "退回上一级", "请一审核对任职时间");
  await expect(admin.getByText(/待一审/)).toBeVisible();
  await expect(admin.locator(".workflow-history")).toContainText("退回至一审");
  await expect.poll(async () => (await messagesAbout(li, title)).join()).toContain("请一审核对任职时间");
  await li.reload();
  await act(li, "审核通过", "已核对");
  await expect(li.getByText(/待二审/)).toBeVisible();
  await zhang.reload();
  await expect(levelLine(zhang)).toContainText(/待审核：(终审老张、管理员|管理员、终审老张)/);
  await act(zhang, "审核通过", "二审同意");
  await expect(levelLine(zhang)).toContainText("已审核：终审老张");
  await admin.reload();
  await act(admin, "审核通过", "会签同意");
  await expect(admin.getByText(/待三审/)).toBeVisible();

  // The principal is told once the 会签 is complete, sees the proposed time and keeps it.
  const zhao = await as(browser, "reviewer3", `/admin/articles/${id}`);
  await expect.poll(() => messagesAbout(zhao, title)).toEqual([expect.stringContaining(waitingFor(3))]);
  await expect(zhao.getByTestId("workflow-proposed")).toBeVisible();
  await zhao.getByRole("button", { name: "审核通过", exact: true }).click();
  await expect(zhao.getByRole("radio", { name: /按拟发布时间定时发布/ })).toBeChecked();
  await zhao.getByRole("button", { name: "确认审核通过" }).click();
  await expect(status(zhao)).toHaveText("定时发布");
  await expect(zhao.getByTestId("workflow-panel").locator("p", { hasText: /定时发布：.*（北京时间）/ })).toBeVisible();

  expect((await request.get(`/articles/${id}`)).status()).toBe(404);
  // The proposed minute comes (moved to now rather than waited for); the heartbeat publishes it.
  await makeScheduleDue(id);
  await expect.poll(async () => (await request.get(`/articles/${id}`)).status(), { timeout: 30_000, intervals: [500] }).toBe(200);
  await zhao.reload();
  await expect(status(zhao)).toHaveText("已发布");
  await expect(zhao.locator(".workflow-history")).toContainText("定时发布生效");
  // The editor has read it all in her messages: waiting, approved, published.
  await expect.poll(async () => (await messagesAbout(editor, title)).join()).toContain("已通过全部 3 级审核");
  expect((await messagesAbout(editor, title)).join()).toContain(`《${title}》已发布。`);
});
