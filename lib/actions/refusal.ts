import "server-only";
import { auditBy } from "@/lib/audit/by";
import type { AuditAction } from "@/lib/audit/labels";
import type { SessionUser } from "@/lib/auth/session";
import type { ActionError, ActionErrorCode } from "./errors";

/**
 * The refusals the audit log keeps: acting without the permission (the role, the column,
 * approving one's own article or a second level) and acting on a state or a version that
 * moved on (approving twice, a stale version). A typo in a form is not a refusal.
 */
const REFUSALS: Partial<Record<ActionErrorCode, AuditAction>> = {
  forbidden: "refused.forbidden",
  conflict: "refused.conflict",
};

/** The record an action was aimed at, when its input names one (articleId, or id). */
function targetOf(action: string, input: unknown): { targetType?: string; targetId?: number } {
  if (!input || typeof input !== "object") return {};
  const { articleId, id } = input as { articleId?: unknown; id?: unknown };
  if (typeof articleId === "number") return { targetType: "article", targetId: articleId };
  const family = action.split(".")[0];
  const targetType = family === "workflow" ? "article" : family;
  return typeof id === "number" ? { targetType, targetId: id } : {};
}

/** Writes who tried what and why it was refused; never fails the answer the user gets. */
export async function auditRefusal(user: SessionUser, action: string, input: unknown, error: ActionError): Promise<void> {
  const code = REFUSALS[error.code];
  if (!code) return;
  try {
    await auditBy(user, { action: code, ...targetOf(action, input), detail: { action, reason: error.message } });
  } catch (failure) {
    console.error(`[audit] refusal of ${action} not logged:`, failure);
  }
}
