import { describe, expect, it } from "vitest";
import { roundOfForm, type FormEvent } from "./round";

let id = 0;
const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 2, minute));
const ev = (action: string, who: string | null, extra: Partial<FormEvent> = {}): FormEvent => ({
  id: ++id,
  action,
  level: 0,
  version: null,
  comment: "",
  createdAt: at(id),
  actor: who ? { name: who } : null,
  ...extra,
});

describe("the round a 审签单 records", () => {
  it("is the round that published the article: a return and its resubmission, then each level", () => {
    const events = [
      ev("submit", "编辑", { version: 1 }),
      ev("reject", "科长", { comment: "请补充数据" }),
      ev("submit", "编辑", { version: 2 }),
      ev("approve", "科长", { level: 1, version: 2, comment: "同意" }),
      ev("restart", "分管领导", { version: 3 }),
      ev("approve", "科长", { level: 1, version: 3 }),
      ev("approve", "分管领导", { level: 2, version: 3, comment: "同意发布" }),
      ev("publish", "分管领导"),
      // A later edit and resubmission, not yet decided: the printed form stays the published one.
      ev("submit", "编辑", { version: 4 }),
    ];
    const round = roundOfForm(events, 2);
    expect(round).toMatchObject({ published: true, submitter: "编辑", version: 3, approved: true, publisher: "分管领导" });
    expect(round.levels.map((l) => [l.level, l.reviewer, l.decision, l.comment, l.version])).toEqual([
      [1, "科长", "approved", "", 3],
      [2, "分管领导", "approved", "同意发布", 3],
    ]);
  });

  it("is the current round when nothing was published, with a return recorded at its level", () => {
    const round = roundOfForm([ev("submit", "编辑", { version: 5 }), ev("approve", "科长", { level: 1, version: 5 }), ev("reject", "主任", { comment: "标题不妥" })], 3);
    expect(round).toMatchObject({ published: false, approved: false, version: 5 });
    expect(round.levels.map((l) => [l.reviewer, l.decision, l.comment])).toEqual([
      ["科长", "approved", ""],
      ["主任", "returned", "标题不妥"],
      [null, null, ""],
    ]);
  });

  it("has empty levels for an article never submitted", () => {
    expect(roundOfForm([], 1)).toMatchObject({ submitter: null, version: null, levels: [{ level: 1, reviewer: null }] });
  });
});
