import { t } from "@/lib/i18n/zh-CN";
import { ACTION_LABELS, type WorkflowAction } from "@/lib/workflow/transitions";

const L = t.adminAudit;

/**
 * Every audit action code and its words: the one table the log page, its filter and the
 * CSV read. `audit()` accepts only these codes (AuditAction), so a new code without
 * words does not compile; labels.test.ts also reads the sources for codes written
 * around the type.
 */
export const AUDIT_ACTION_LABELS = {
  "login.success": "登录成功",
  "login.failure": "登录失败",
  "login.locked": "账号因多次失败被锁定",
  "login.challenge": "要求两步验证",
  logout: "退出登录",
  "user.create": "新建用户",
  "user.update": "修改用户",
  "user.disable": "停用用户",
  "user.enable": "启用用户",
  "user.reset-password": "重置密码",
  "user.unlock": "解除登录锁定",
  "user.2fa.reset": "重置双因素认证",
  "user.2fa.recovery-code-used": "使用恢复码登录",
  "user.2fa.enable": "启用双因素认证",
  "user.2fa.disable": "停用双因素认证",
  "user.2fa.recovery-codes": "重新生成恢复码",
  "user.password.change": "修改密码",
  "user.reauth.failure": "确认身份时密码错误",
  "column.create": "新建栏目",
  "column.update": "修改栏目",
  "column.reorder": "调整栏目顺序",
  "column.hide": "隐藏栏目",
  "column.show": "显示栏目",
  "column.delete": "删除栏目",
  "settings.update": "修改站点设置",
  "settings.logo": "更换网站标志",
  "settings.logo-remove": "移除网站标志",
  "word.create": "新增敏感词",
  "word.update": "修改敏感词",
  "word.delete": "删除敏感词",
  "topic.create": "新增主题分类",
  "topic.update": "主题分类改名",
  "topic.move": "调整主题分类顺序",
  "topic.delete": "删除主题分类",
  "media.upload": "上传文件",
  "media.updateAlt": "修改图片替代文字",
  "audit.export": "导出审计日志",
  "article.create": "创建文章",
  "article.save": "保存文章",
  "article.delete": "删除文章",
  "article.duplicate": "复制文章",
  "article.restore": "恢复历史版本",
  "article.importWord": "导入 Word 文档",
  "article.placement": "调整已公开文章的栏目、公开日期、置顶或头条",
  "article.submit": "提交审核",
  "article.recall": "撤回送审",
  "article.approve": "审核通过",
  "article.reject": "退回修改",
  "article.publish": "发布",
  "article.schedule": "定时发布",
  "article.unschedule": "取消定时发布",
  "article.withdraw": "撤稿",
  "article.publishDue": "定时发布生效",
  "article.publishDue.failed": "定时发布失败",
  "article.sendBack": "退回上一级",
  "article.expire": "文件到有效期，自动标为已失效",
  "reviewer-group.create": "新建审核组",
  "reviewer-group.update": "修改审核组",
  "reviewer-group.delete": "删除审核组",
  "statistics.annual-report-draft": "生成年度报表草稿",
  "import.site": "网站迁移导入（npm run import）",
  "redirect.export": "导出网址跳转",
  "refused.forbidden": "操作被拒绝：无权执行",
  "refused.conflict": "操作被拒绝：状态或版本已变化",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_LABELS, action);
}

/** The action in words ("新建用户"); a code from an older version that has none yet is shown as it is. */
export function actionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : action;
}

/**
 * An entry in words: the action's label, and for a refusal what was attempted
 * ("操作被拒绝：无权执行（审核通过）"). The server action names the attempt
 * ("workflow.approve"); a workflow action is worded as its button, any other as its audit code.
 */
export function entryLabel(entry: { action: string; detail: unknown }): string {
  const label = actionLabel(entry.action);
  const attempted = entry.action.startsWith("refused.") ? (entry.detail as { action?: unknown } | null)?.action : undefined;
  if (typeof attempted !== "string") return label;
  const [family, verb] = attempted.split(".");
  const words = family === "workflow" && Object.hasOwn(ACTION_LABELS, verb) ? ACTION_LABELS[verb as WorkflowAction] : actionLabel(attempted);
  return `${label}（${words}）`;
}

/** "user.create" → "user", "logout" → "logout": the family the filter menu groups by. */
export function actionFamily(action: string): string {
  return action.split(".")[0];
}

export function familyLabel(family: string): string {
  return L.families[family] ?? family;
}

export function targetTypeLabel(type: string): string {
  return L.targetTypes[type] ?? type;
}
