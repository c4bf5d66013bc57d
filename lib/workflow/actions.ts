"use server";

import { action } from "@/lib/actions/safe-action";
import { deliverMessagesQuietly } from "@/lib/messages/processor";
import { runTransition, type TransitionInput } from "./mutations";
import {
  approveSchema,
  publishSchema,
  recallSchema,
  rejectSchema,
  scheduleSchema,
  sendBackSchema,
  submitSchema,
  unscheduleSchema,
  withdrawSchema,
} from "./schema";
import type { SessionUser } from "@/lib/auth/session";

const STAFF = ["ADMIN", "REVIEWER", "EDITOR"] as const;
const REVIEWERS = ["ADMIN", "REVIEWER"] as const;

const go = (user: SessionUser, articleId: number, act: TransitionInput["action"], extra: Partial<TransitionInput> = {}) =>
  runTransition({ articleId, action: act, actor: user, ...extra }).finally(deliverMessagesQuietly);

export const submitArticle = action({ name: "workflow.submit", roles: STAFF, schema: submitSchema }, (input, { user }) =>
  go(user, input.articleId, "submit", { comment: input.comment, proposedPublishAt: input.proposedPublishAt }),
);

/** 撤回: the submitter's own; who submitted is checked inside. */
export const recallArticle = action({ name: "workflow.recall", roles: STAFF, schema: recallSchema }, (input, { user }) =>
  go(user, input.articleId, "recall", { comment: input.comment }),
);

export const approveArticle = action({ name: "workflow.approve", roles: REVIEWERS, schema: approveSchema }, (input, { user }) =>
  go(user, input.articleId, "approve", { comment: input.comment, version: input.version, then: input.then, scheduledAt: input.scheduledAt }),
);

export const rejectArticle = action({ name: "workflow.reject", roles: REVIEWERS, schema: rejectSchema }, (input, { user }) =>
  go(user, input.articleId, "reject", { comment: input.comment }),
);

/** 退回上一级: the article stays in review, the previous level approves again. */
export const sendBackArticle = action({ name: "workflow.send-back", roles: REVIEWERS, schema: sendBackSchema }, (input, { user }) =>
  go(user, input.articleId, "sendBack", { comment: input.comment }),
);

export const publishArticle = action({ name: "workflow.publish", roles: REVIEWERS, schema: publishSchema }, (input, { user }) =>
  go(user, input.articleId, "publish", { correction: input.correction }),
);

export const scheduleArticle = action({ name: "workflow.schedule", roles: REVIEWERS, schema: scheduleSchema }, (input, { user }) =>
  go(user, input.articleId, "schedule", { scheduledAt: input.scheduledAt }),
);

export const unscheduleArticle = action(
  { name: "workflow.unschedule", roles: REVIEWERS, schema: unscheduleSchema },
  (input, { user }) => go(user, input.articleId, "unschedule"),
);

export const withdrawArticle = action({ name: "workflow.withdraw", roles: REVIEWERS, schema: withdrawSchema }, (input, { user }) =>
  go(user, input.articleId, "withdraw", { comment: input.reason }),
);
