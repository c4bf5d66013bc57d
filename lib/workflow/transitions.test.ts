import { describe, expect, it } from "vitest";
import type { ArticleStatus } from "@/generated/prisma/enums";
import { availableActions, transition, type WorkflowAction, type WorkflowState } from "./transitions";

const state = (status: ArticleStatus, reviewLevel = 0, reviewLevels = 1, live = false) => ({ status, reviewLevel, reviewLevels, live });

describe("workflow transitions", () => {
  // [from, action, to | null]
  const table: [WorkflowState, WorkflowAction, { status: ArticleStatus; reviewLevel: number } | null][] = [
    [state("DRAFT"), "submit", { status: "IN_REVIEW", reviewLevel: 0 }],
    [state("IN_REVIEW"), "submit", null],
    [state("PUBLISHED", 1, 1, true), "submit", null],
    [state("IN_REVIEW", 0, 1), "approve", { status: "APPROVED", reviewLevel: 1 }],
    [state("IN_REVIEW", 0, 2), "approve", { status: "IN_REVIEW", reviewLevel: 1 }],
    [state("IN_REVIEW", 1, 2), "approve", { status: "APPROVED", reviewLevel: 2 }],
    [state("IN_REVIEW", 1, 3), "approve", { status: "IN_REVIEW", reviewLevel: 2 }],
    [state("IN_REVIEW", 2, 3), "approve", { status: "APPROVED", reviewLevel: 3 }],
    [state("DRAFT"), "approve", null],
    [state("APPROVED", 1), "approve", null],
    [state("IN_REVIEW", 1, 2), "reject", { status: "DRAFT", reviewLevel: 0 }],
    [state("IN_REVIEW", 0, 2), "recall", { status: "DRAFT", reviewLevel: 0 }],
    [state("IN_REVIEW", 1, 2), "recall", null],
    [state("DRAFT"), "recall", null],
    [state("APPROVED", 1), "recall", null],
    [state("IN_REVIEW", 0, 1), "restart", { status: "IN_REVIEW", reviewLevel: 0 }],
    [state("IN_REVIEW", 2, 3), "restart", { status: "IN_REVIEW", reviewLevel: 0 }],
    [state("DRAFT"), "restart", null],
    [state("APPROVED", 1), "restart", null],
    [state("DRAFT"), "reject", null],
    [state("IN_REVIEW", 1, 2), "sendBack", { status: "IN_REVIEW", reviewLevel: 0 }],
    [state("IN_REVIEW", 2, 3), "sendBack", { status: "IN_REVIEW", reviewLevel: 1 }],
    [state("IN_REVIEW", 0, 3), "sendBack", null],
    [state("DRAFT"), "sendBack", null],
    [{ ...state("IN_REVIEW", 1, 3), levelComplete: false }, "approve", { status: "IN_REVIEW", reviewLevel: 1 }],
    [{ ...state("IN_REVIEW", 2, 3), levelComplete: false }, "approve", { status: "IN_REVIEW", reviewLevel: 2 }],
    [{ ...state("IN_REVIEW", 2, 3), levelComplete: true }, "approve", { status: "APPROVED", reviewLevel: 3 }],
    [state("APPROVED", 1), "publish", { status: "PUBLISHED", reviewLevel: 1 }],
    [state("IN_REVIEW", 0), "publish", null],
    [state("DRAFT"), "publish", null],
    [state("APPROVED", 1), "schedule", { status: "SCHEDULED", reviewLevel: 1 }],
    [state("DRAFT"), "schedule", null],
    [state("SCHEDULED", 1), "unschedule", { status: "APPROVED", reviewLevel: 1 }],
    [state("APPROVED", 1), "unschedule", null],
    [state("SCHEDULED", 1), "publishDue", { status: "PUBLISHED", reviewLevel: 1 }],
    [state("APPROVED", 1), "publishDue", null],
    [state("PUBLISHED", 1, 1, true), "withdraw", { status: "WITHDRAWN", reviewLevel: 0 }],
    [state("IN_REVIEW", 0, 1, true), "withdraw", { status: "WITHDRAWN", reviewLevel: 0 }],
    [state("DRAFT", 0, 1, false), "withdraw", null],
    [state("WITHDRAWN", 0, 1, false), "withdraw", null],
  ];

  it.each(table)("%o --%s--> %o", (from, action, to) => {
    expect(transition(from, action)).toEqual(to);
  });

  it("clamps a column's review levels to 1–3", () => {
    expect(transition(state("IN_REVIEW", 0, 0), "approve")).toEqual({ status: "APPROVED", reviewLevel: 1 });
    expect(transition(state("IN_REVIEW", 2, 9), "approve")).toEqual({ status: "APPROVED", reviewLevel: 3 });
  });

  it("offers the actions a state allows", () => {
    expect(availableActions(state("DRAFT"))).toEqual(["submit"]);
    expect(availableActions(state("IN_REVIEW", 0, 2))).toEqual(["recall", "approve", "reject"]);
    expect(availableActions(state("IN_REVIEW", 1, 2))).toEqual(["approve", "reject", "sendBack"]);
    expect(availableActions(state("APPROVED", 1, 1, true))).toEqual(["publish", "schedule", "withdraw"]);
  });
});
