import type { MessageKind } from "@/generated/prisma/enums";
import { fill } from "@/lib/i18n/fill";

/** The words of the 站内消息 and their mail: one place, shown on the messages page, the header and in mail. */
export const MESSAGE_TEXT = {
  title: "站内消息",
  intro: "审核流程中与您有关的事：等待您审核的文章、被退回的稿件、审核通过、发布、撤稿和错过的定时发布。",
  unreadBadge: "站内消息，{count} 条未读",
  noUnreadBadge: "站内消息，没有未读消息",
  unreadCount: "{count} 条未读",
  empty: "还没有站内消息。",
  markRead: "标为已读",
  markAllRead: "全部标为已读",
  markedAllRead: "已将 {count} 条消息标为已读。",
  read: "已读",
  unread: "未读",
  openArticle: "查看文章",
  from: "来自 {name}",
  system: "系统",
  notYours: "这条消息不存在或不属于您。",
  kinds: {
    REVIEW_WAITING: "待审核",
    RETURNED: "被退回",
    APPROVED: "审核通过",
    PUBLISHED: "已发布",
    WITHDRAWN: "已撤稿",
    PUBLISHED_LATE: "定时发布延误",
  } satisfies Record<MessageKind, string>,
  bodies: {
    REVIEW_WAITING: "《{title}》等待您审核（第 {level} 级，共 {levels} 级）。",
    RETURNED: "《{title}》被退回修改。审核意见：{comment}",
    APPROVED: "《{title}》已通过全部 {levels} 级审核，可以发布。",
    PUBLISHED: "《{title}》已发布。",
    WITHDRAWN: "《{title}》已撤稿。原因：{comment}",
    PUBLISHED_LATE: "《{title}》的定时发布时间已错过，已在服务恢复后补发。",
  } satisfies Record<MessageKind, string>,
  noComment: "（未填写）",
  mailSubject: "【{site}】{kind}：{title}",
  mailLink: "打开文章：{url}",
  mailFooter: "这封邮件由网站内容管理系统在审核流程中自动发出。不想再收到邮件，可在“账户安全”页面关闭邮件提醒：{url}",
  optOutLegend: "邮件提醒",
  optOutLabel: "审核流程中的站内消息同时发送到我的邮箱",
  optOutHint: "关闭后仍可在“站内消息”页面查看全部消息。",
  optOutNoSmtp: "本站尚未配置邮件服务器（SMTP_URL），目前只发送站内消息。",
  optOutSaved: "邮件提醒设置已保存。",
  optOutSave: "保存邮件提醒设置",
} as const;

export function messageBody(kind: MessageKind, values: { title: string; level?: number; levels?: number; comment?: string }): string {
  return fill(MESSAGE_TEXT.bodies[kind], {
    title: values.title,
    level: values.level ?? "",
    levels: values.levels ?? "",
    comment: values.comment?.trim() || MESSAGE_TEXT.noComment,
  });
}
