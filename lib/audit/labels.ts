import { t } from "@/lib/i18n/zh-CN";

const L = t.adminAudit;

/** The action in words ("新建用户"), or the code itself for an action nobody named yet. */
export function actionLabel(action: string): string {
  return L.actions[action] ?? action;
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
