import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createDraft, createUser } from "@/test/factories";
import { freePort, startSmtpServer, type TestSmtpServer } from "@/test/smtp-server";
import { db } from "@/lib/db/client";
import { processMessages } from "@/lib/messages/processor";
import { runTransition } from "@/lib/workflow/mutations";
import { drainMailOutbox, mailOutboxSettled, mailRetryDelayMs } from "./outbox";

setupTestDatabase();

let port: number;
let smtp: TestSmtpServer | undefined;
let column: { id: number };
let editor: Awaited<ReturnType<typeof createUser>>;
let reviewer: Awaited<ReturnType<typeof createUser>>;
let optedOut: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  // env() is read once per process: the mail settings are in place before anything reads it.
  port = await freePort();
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.SITE_URL = "https://www.example.gov.cn";
  process.env.MAIL_FROM = "测试网站 <noreply@example.gov.cn>";
  column = await createColumn(1);
  editor = await createUser("EDITOR", [column.id]);
  reviewer = await createUser("REVIEWER", [column.id]);
  optedOut = await createUser("REVIEWER", [column.id]);
  await db().user.update({ where: { id: optedOut.id }, data: { messageMail: false } });
});

afterAll(async () => {
  await smtp?.close();
});

async function submit(title: string) {
  const draft = await createDraft(editor.id, column.id, { title });
  await runTransition({ articleId: draft.id, action: "submit", actor: editor });
  await processMessages();
  await mailOutboxSettled();
  return draft;
}

describe("mail for the 站内消息", () => {
  it("delivers the message to each reviewer who wants mail, with the subject, the link and escaped HTML", async () => {
    smtp = await startSmtpServer(port);
    const draft = await submit("关于<b>“十四五”</b>规划的通知");
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.to).toEqual([reviewer.email]);
    expect(mail.from).toBe("noreply@example.gov.cn");
    expect(mail.subject).toContain("待审核：关于<b>“十四五”</b>规划的通知");
    expect(mail.text).toContain(`https://www.example.gov.cn/admin/articles/${draft.id}`);
    expect(mail.text).toContain("《关于<b>“十四五”</b>规划的通知》等待您审核");
    expect(mail.html).toContain("关于&lt;b&gt;“十四五”&lt;/b&gt;规划的通知");
    expect(mail.html).not.toContain("<b>");
    const row = await db().mailOutbox.findFirstOrThrow({ where: { message: { articleId: draft.id } } });
    expect(row).toMatchObject({ attempts: 1, nextAttemptAt: null, lastError: "" });
    expect(row.sentAt).not.toBeNull();
    // The reviewer who opted out has the message in the admin, and no mail.
    expect(await db().message.count({ where: { articleId: draft.id, recipientId: optedOut.id } })).toBe(1);
    expect(await db().mailOutbox.count({ where: { message: { articleId: draft.id, recipientId: optedOut.id } } })).toBe(0);
  });

  it("keeps a refused or undeliverable mail queued with a retry time, and delivers it once the server is back", async () => {
    smtp!.refuse = true;
    smtp!.received.length = 0;
    const started = Date.now();
    const draft = await submit("邮件服务器故障时的稿件");
    // The review itself went through: the article waits for review whatever the mail server says.
    expect((await db().article.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("IN_REVIEW");
    let row = await db().mailOutbox.findFirstOrThrow({ where: { message: { articleId: draft.id } } });
    expect(row.sentAt).toBeNull();
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/451/);
    expect(row.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(started + mailRetryDelayMs(1) - 1000);

    // Not due yet: nothing is tried.
    expect(await drainMailOutbox(new Date())).toEqual({ sent: 0, failed: 0 });

    // The server goes down altogether: the next attempt fails too and waits longer.
    await smtp!.close();
    smtp = undefined;
    const second = new Date(row.nextAttemptAt!.getTime() + 1000);
    expect(await drainMailOutbox(second)).toEqual({ sent: 0, failed: 1 });
    row = await db().mailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(row.attempts).toBe(2);
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(row.nextAttemptAt!.getTime()).toBe(second.getTime() + mailRetryDelayMs(2));

    // Back on the same address: delivered, once.
    smtp = await startSmtpServer(port);
    expect(await drainMailOutbox(new Date(row.nextAttemptAt!.getTime() + 1000))).toEqual({ sent: 1, failed: 0 });
    expect(await drainMailOutbox(new Date(row.nextAttemptAt!.getTime() + 3600_000))).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual([[reviewer.email]]);
    expect(smtp.received[0].subject).toContain("邮件服务器故障时的稿件");
    row = await db().mailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(row).toMatchObject({ attempts: 3, nextAttemptAt: null, lastError: "" });
  });
});
