"use client";

import type { ReviewerChoice } from "@/lib/reviewer-groups/queries";
import { LEVEL_NAMES, SIGN_MODE_LABELS } from "@/lib/workflow/transitions";

export interface LevelReviewersValue {
  level: number;
  mode: "ANY" | "ALL";
  groupId: number | null;
  userIds: number[];
}

const ROLE_NAMES: Record<string, string> = { ADMIN: "管理员", REVIEWER: "审核人员" };

/** The level's value, or "nobody named" (any reviewer of the column, 或签). */
export function levelValue(values: LevelReviewersValue[], level: number): LevelReviewersValue {
  return values.find((v) => v.level === level) ?? { level, mode: "ANY", groupId: null, userIds: [] };
}

/**
 * Who approves each review level of a column: users, a reviewer group, and 或签/会签.
 * One fieldset per level, plain radios, a menu and checkboxes: usable at 390 px and by keyboard.
 */
export function GovernanceLevelReviewers({
  levels,
  values,
  onChange,
  reviewers,
  groups,
  errors,
  prefix,
}: {
  levels: number;
  values: LevelReviewersValue[];
  onChange: (values: LevelReviewersValue[]) => void;
  reviewers: ReviewerChoice[];
  groups: { id: number; name: string }[];
  errors: Record<string, string[] | undefined>;
  prefix: string;
}) {
  const set = (next: LevelReviewersValue) => onChange([...values.filter((v) => v.level !== next.level), next].sort((a, b) => a.level - b.level));
  return (
    <div className="gov-level-reviewers" data-testid="level-reviewers">
      <p className="field-hint">
        每级可指定审核人员或审核组：或签为其中任一人审核通过即可，会签须全部人员审核通过同一版本。不指定时，本栏目任一审核人员均可审核。指定的人员还须是本栏目的审核人员（或管理员），作者本人不能审核自己的文章。
      </p>
      {Array.from({ length: levels }, (_, i) => i + 1).map((level) => {
        const v = levelValue(values, level);
        const id = `${prefix}-level${level}`;
        const levelErrors = errors[`level${level}`];
        return (
          <fieldset key={level} className="gov-fieldset" aria-describedby={levelErrors ? `${id}-error` : undefined}>
            <legend>{LEVEL_NAMES[level]}审核人员</legend>
            <div className="button-row" role="radiogroup" aria-label={`${LEVEL_NAMES[level]}签署方式`}>
              {(["ANY", "ALL"] as const).map((mode) => (
                <label key={mode} className="gov-check">
                  <input type="radio" name={`${id}-mode`} value={mode} checked={v.mode === mode} onChange={() => set({ ...v, mode })} />
                  {SIGN_MODE_LABELS[mode]}
                </label>
              ))}
            </div>
            <label className="field" htmlFor={`${id}-group`}>
              <span>审核组</span>
              <select id={`${id}-group`} value={v.groupId ?? ""} onChange={(e) => set({ ...v, groupId: e.target.value ? Number(e.target.value) : null })}>
                <option value="">不指定审核组</option>
                {groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </select>
            </label>
            <span className="field-hint">指定人员（可多选）</span>
            <ul className="gov-picker" aria-label={`${LEVEL_NAMES[level]}指定人员`}>
              {reviewers.map((u) => (
                <li key={u.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={v.userIds.includes(u.id)}
                      onChange={(e) => set({ ...v, userIds: e.target.checked ? [...v.userIds, u.id] : v.userIds.filter((x) => x !== u.id) })}
                    />{" "}
                    {u.name}
                    <span className="muted">（{ROLE_NAMES[u.role] ?? u.role}）</span>
                  </label>
                </li>
              ))}
            </ul>
            {levelErrors && (
              <span className="field-error" id={`${id}-error`}>
                {levelErrors.join(" ")}
              </span>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
