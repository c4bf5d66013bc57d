import "server-only";
import type { z } from "zod";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/auth/permissions";
import type { Role } from "@/generated/prisma/enums";
import { t } from "@/lib/i18n/zh-CN";
import { ActionError, type ActionErrorCode } from "./errors";
import { auditRefusal } from "./refusal";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ActionErrorCode; error: string; fieldErrors?: Record<string, string[]>; details?: Record<string, unknown> };

export interface ActionSpec<S extends z.ZodType> {
  /** Unique, e.g. "article.save"; the authorization matrix test lists every action by it. */
  name: string;
  /** Roles that may call it at all; object-level checks happen inside with assertCan. */
  roles: readonly Role[];
  schema: S;
  /**
   * May run while the user has a pending security step (must change the password or
   * set up 2FA): only the account actions that complete those steps.
   */
  allowDuringSecurityStep?: boolean;
}

export interface ActionContext {
  user: SessionUser;
}

/** Every registered action, for the authorization matrix test. */
export const actionRegistry = new Map<string, { roles: readonly Role[]; run: (raw: unknown) => Promise<ActionResult<unknown>> }>();

/**
 * The one shape of every server action: (1) session, (2) role, (3) zod parse,
 * (4) act — the mutation refreshes what it changed —, (5) a typed result, never a throw.
 */
export function action<S extends z.ZodType, T>(spec: ActionSpec<S>, fn: (input: z.output<S>, ctx: ActionContext) => Promise<T>) {
  const run = async (raw: unknown): Promise<ActionResult<T>> => {
    const user = await getSessionUser();
    if (!user) return { ok: false, code: "unauthenticated", error: "登录已过期，请重新登录。" };
    if (!spec.roles.includes(user.role)) {
      const error = new ForbiddenError();
      await auditRefusal(user, spec.name, raw, error);
      return { ok: false, code: "forbidden", error: error.message };
    }
    if (user.securityStep && !spec.allowDuringSecurityStep) return { ok: false, code: "forbidden", error: t.security.stepRequired };
    const parsed = spec.schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.join(".") || "_";
        (fieldErrors[key] ??= []).push(issue.message);
      }
      return { ok: false, code: "invalid", error: "提交的内容有误，请检查标出的字段。", fieldErrors };
    }
    try {
      return { ok: true, data: await fn(parsed.data, { user }) };
    } catch (error) {
      if (error instanceof ActionError) {
        await auditRefusal(user, spec.name, parsed.data, error);
        return { ok: false, code: error.code, error: error.message, details: error.details };
      }
      console.error(`[action ${spec.name}]`, error);
      return { ok: false, code: "failed", error: t.common.unexpectedError };
    }
  };
  actionRegistry.set(spec.name, { roles: spec.roles, run });
  return run;
}
