import type { ArticleStatus, SignMode } from "@/generated/prisma/enums";
import type { Permission } from "@/lib/auth/permissions";

/**
 * The editorial workflow as a pure transition table:
 *
 *   DRAFT ──submit──▶ IN_REVIEW ──approve (per level, 1–3 levels per column)──▶ APPROVED
 *     ▲                  │  ▲                                                 │      │
 *     └──reject/recall───┘  ├─restart (an edit during review: approvals void)  publish │      │ schedule
 *                           └─sendBack (退回上一级: level n-1 again, its approvals void)
 *                                                                            ▼      ▼
 *                         any state of a live article ──withdraw──▶ WITHDRAWN   PUBLISHED ◀─publishDue── SCHEDULED
 *
 * Saving an APPROVED, SCHEDULED, PUBLISHED or WITHDRAWN article returns it to DRAFT,
 * saving one IN_REVIEW restarts its round ("restart", lib/articles/mutations.ts): an
 * approval holds only for the version it approved. The public keeps the live revision meanwhile.
 * "recall" (撤回) is the submitter taking the submission back before anyone approved it.
 * A 会签 level passes only with its last signer's approval (`levelComplete`).
 */
export type WorkflowAction =
  | "submit"
  | "recall"
  | "approve"
  | "reject"
  | "sendBack"
  | "publish"
  | "schedule"
  | "unschedule"
  | "withdraw"
  | "publishDue"
  | "restart";

/** What the system records on its own (no button): a schedule coming due, a round restarted by an edit. */
export type AutomaticAction = "publishDue" | "restart";
export type UserAction = Exclude<WorkflowAction, AutomaticAction>;

export interface WorkflowState {
  status: ArticleStatus;
  /** Levels approved in the current round. */
  reviewLevel: number;
  /** Levels the article's column requires (1–3). */
  reviewLevels: number;
  /** Is a version of it public now? */
  live: boolean;
  /**
   * For "approve": does this approval pass the level? False for a 会签 signer whom other
   * signers still follow (lib/workflow/reviewers.ts); true when not given.
   */
  levelComplete?: boolean;
}

export type Transition = { status: ArticleStatus; reviewLevel: number };

/** The state after `action`, or null when the action is not allowed from `state`. */
export function transition(state: WorkflowState, action: WorkflowAction): Transition | null {
  const { status, reviewLevel } = state;
  const levels = Math.min(3, Math.max(1, state.reviewLevels));
  switch (action) {
    case "submit":
      return status === "DRAFT" ? { status: "IN_REVIEW", reviewLevel: 0 } : null;
    case "recall":
      return status === "IN_REVIEW" && reviewLevel === 0 ? { status: "DRAFT", reviewLevel: 0 } : null;
    case "restart":
      return status === "IN_REVIEW" ? { status: "IN_REVIEW", reviewLevel: 0 } : null;
    case "approve":
      if (status !== "IN_REVIEW") return null;
      if (state.levelComplete === false) return { status: "IN_REVIEW", reviewLevel };
      return reviewLevel + 1 >= levels
        ? { status: "APPROVED", reviewLevel: levels }
        : { status: "IN_REVIEW", reviewLevel: reviewLevel + 1 };
    case "reject":
      return status === "IN_REVIEW" ? { status: "DRAFT", reviewLevel: 0 } : null;
    case "sendBack":
      // From level n (n ≥ 2) back to level n-1, which must be approved again.
      return status === "IN_REVIEW" && reviewLevel >= 1 ? { status: "IN_REVIEW", reviewLevel: reviewLevel - 1 } : null;
    case "publish":
    case "schedule":
      return status === "APPROVED" ? { status: action === "publish" ? "PUBLISHED" : "SCHEDULED", reviewLevel } : null;
    case "unschedule":
      return status === "SCHEDULED" ? { status: "APPROVED", reviewLevel } : null;
    case "publishDue":
      return status === "SCHEDULED" ? { status: "PUBLISHED", reviewLevel } : null;
    case "withdraw":
      return state.live ? { status: "WITHDRAWN", reviewLevel: 0 } : null;
  }
}

/** The actions a state offers, for the UI (who may take them is lib/auth/permissions.ts). */
export function availableActions(state: WorkflowState): UserAction[] {
  const all: UserAction[] = ["submit", "recall", "approve", "reject", "sendBack", "publish", "schedule", "unschedule", "withdraw"];
  return all.filter((a) => transition(state, a) !== null);
}

/** The permission each action needs (the review rules on top are in lib/workflow/mutations.ts). */
export const ACTION_PERMISSION: Record<UserAction, Permission> = {
  submit: "article:submit",
  recall: "article:recall",
  approve: "article:review",
  reject: "article:review",
  sendBack: "article:review",
  publish: "article:publish",
  schedule: "article:publish",
  unschedule: "article:publish",
  withdraw: "article:withdraw",
};

export const ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: "提交审核",
  recall: "撤回",
  approve: "审核通过",
  reject: "退回修改",
  sendBack: "退回上一级",
  publish: "立即发布",
  schedule: "定时发布",
  unschedule: "取消定时",
  withdraw: "撤稿",
  publishDue: "定时发布生效",
  restart: "内容修改，审核重新开始，此前的审核意见作废",
};

/** Review levels by number (1–3), as offices call them. */
export const LEVEL_NAMES = ["", "一审", "二审", "三审"];

export const SIGN_MODE_LABELS: Record<SignMode, string> = { ANY: "或签（任一人审核即可）", ALL: "会签（须全部人员审核）" };
