import type { ArticleStatus, Role } from "@/generated/prisma/enums";
import { ActionError } from "@/lib/actions/errors";

/**
 * Who may do what, as pure functions (unit-tested as a table). Server actions and
 * pages call `can` / `assertCan`; nothing else decides permissions.
 *
 * - admin: everything, everywhere;
 * - reviewer (审核): in the columns assigned to them, write, approve, reject, publish, schedule, withdraw;
 * - editor: in the columns assigned to them, write, submit, and take back (撤回) a submission.
 */
export type Permission =
  | "article:create"
  | "article:edit"
  | "article:delete"
  | "article:submit"
  | "article:recall"
  | "article:review"
  | "article:publish"
  | "article:withdraw"
  | "media:upload"
  | "column:manage"
  | "user:manage"
  | "settings:manage"
  | "audit:read"
  | "words:manage";

export interface Actor {
  id: number;
  role: Role;
  columnIds: number[];
}

export interface ArticleScope {
  columnId: number;
  createdById: number;
  status: ArticleStatus;
  /** Has the article ever been public (it then can only be withdrawn, not deleted)? */
  everPublished: boolean;
}

const ADMIN_ONLY: Permission[] = ["column:manage", "user:manage", "settings:manage", "audit:read", "words:manage"];
const REVIEWER_ONLY: Permission[] = ["article:review", "article:publish", "article:withdraw"];

export function can(actor: Actor | null | undefined, permission: Permission, article?: ArticleScope): boolean {
  if (!actor) return false;
  if (actor.role === "ADMIN") return permission !== "article:delete" || !article || !article.everPublished;
  if (ADMIN_ONLY.includes(permission)) return false;
  if (REVIEWER_ONLY.includes(permission) && actor.role !== "REVIEWER") return false;
  if (permission === "media:upload") return true;
  if (!article) return permission === "article:create" ? actor.columnIds.length > 0 : true;
  if (!actor.columnIds.includes(article.columnId)) return false;
  switch (permission) {
    case "article:delete":
      // Only a draft that was never public, and only its author (or an admin).
      return !article.everPublished && article.status === "DRAFT" && article.createdById === actor.id;
    case "article:edit":
      // While in review the article belongs to the reviewers.
      return article.status !== "IN_REVIEW" || actor.role === "REVIEWER";
    case "article:submit":
      return article.status === "DRAFT";
    case "article:recall":
      // Only the submitter of the round, checked where the round is known (lib/workflow/mutations.ts).
      return article.status === "IN_REVIEW";
    default:
      return true;
  }
}

export class ForbiddenError extends ActionError {
  constructor(message = "您没有权限执行此操作。") {
    super("forbidden", message);
    this.name = "ForbiddenError";
  }
}

export function assertCan(actor: Actor | null | undefined, permission: Permission, article?: ArticleScope): void {
  if (!can(actor, permission, article)) throw new ForbiddenError();
}
