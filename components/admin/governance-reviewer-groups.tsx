"use client";

import { useState } from "react";
import { t } from "@/lib/i18n/zh-CN";
import { createReviewerGroupAction, deleteReviewerGroupAction, updateReviewerGroupAction } from "@/lib/reviewer-groups/actions";
import type { ReviewerChoice, ReviewerGroupRow } from "@/lib/reviewer-groups/queries";
import { GovernanceConfirm } from "./governance-confirm";
import { GovField, GovFormStatus, useGovernanceAction } from "./governance-form";
import { fill } from "./governance-text";

/**
 * 审核组 on the users page: a named set of reviewers (科室负责人, 分管领导…) that column
 * review levels name instead of listing people one by one.
 */
export function GovernanceReviewerGroups({ groups, reviewers }: { groups: ReviewerGroupRow[]; reviewers: ReviewerChoice[] }) {
  return (
    <section className="gov-card" aria-labelledby="reviewer-groups-heading" data-testid="reviewer-groups">
      <h2 id="reviewer-groups-heading">审核组</h2>
      <p className="muted">栏目的每一级审核可以指定一个审核组：组内人员变动后，各栏目随之生效。</p>
      {groups.length === 0 ? (
        <p className="muted">尚无审核组。</p>
      ) : (
        <ul className="gov-stack gov-group-list">
          {groups.map((g) => (
            <li key={g.id}>
              <details>
                <summary>
                  <strong>{g.name}</strong>：{g.members.length > 0 ? g.members.map((m) => m.name + (m.disabled ? "（已停用）" : "")).join("、") : "（无成员）"}
                  {g.levelCount > 0 && <span className="muted">，用于 {g.levelCount} 个栏目审核级别</span>}
                </summary>
                <ReviewerGroupForm group={g} reviewers={reviewers} />
              </details>
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>新建审核组</summary>
        <ReviewerGroupForm reviewers={reviewers} />
      </details>
    </section>
  );
}

function ReviewerGroupForm({ group, reviewers }: { group?: ReviewerGroupRow; reviewers: ReviewerChoice[] }) {
  const create = useGovernanceAction(createReviewerGroupAction);
  const update = useGovernanceAction(updateReviewerGroupAction);
  const remove = useGovernanceAction(deleteReviewerGroupAction);
  const { pending, error, message, fieldErrors } = group ? update : create;
  const [userIds, setUserIds] = useState<number[]>(group?.members.map((m) => m.id) ?? []);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const prefix = group ? `group-${group.id}` : "group-new";

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const name = String(new FormData(formElement).get("name") ?? "");
    if (group) await update.run({ id: group.id, name, userIds }, { success: t.adminCommon.saved });
    else
      await create.run(
        { name, userIds },
        {
          success: `已新建审核组：${name}`,
          onSuccess: () => {
            formElement.reset();
            setUserIds([]);
          },
        },
      );
  }

  return (
    <>
      <form className="form gov-form" onSubmit={onSubmit} noValidate aria-label={group ? `编辑审核组：${group.name}` : "新建审核组"}>
        <GovField id={`${prefix}-name`} label="审核组名称" errors={fieldErrors.name} required>
          {(p) => <input {...p} name="name" defaultValue={group?.name} maxLength={30} required autoComplete="off" />}
        </GovField>
        <fieldset className="gov-fieldset">
          <legend>成员（审核人员或管理员）</legend>
          <ul className="gov-picker">
            {reviewers.map((u) => (
              <li key={u.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={userIds.includes(u.id)}
                    onChange={(e) => setUserIds(e.target.checked ? [...userIds, u.id] : userIds.filter((x) => x !== u.id))}
                  />{" "}
                  {u.name}
                </label>
              </li>
            ))}
          </ul>
          {fieldErrors.userIds && <span className="field-error">{fieldErrors.userIds.join(" ")}</span>}
        </fieldset>
        <GovFormStatus error={error || (confirmingDelete ? "" : remove.error)} message={message} testId={prefix} />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? t.adminCommon.saving : group ? t.common.save : "新建审核组"}
          </button>
          {group && (
            <button
              type="button"
              className="button button-danger"
              disabled={remove.pending}
              onClick={() => (remove.clear(), setConfirmingDelete(true))}
            >
              {t.adminCommon.delete}
            </button>
          )}
        </div>
      </form>
      {group && confirmingDelete && (
        <GovernanceConfirm
          title="删除审核组"
          question={fill(t.adminCommon.confirmDelete, { name: group.name })}
          action={remove}
          onConfirm={() => remove.run({ id: group.id })}
          onClose={() => setConfirmingDelete(false)}
          testId={`${prefix}-delete-dialog`}
        />
      )}
    </>
  );
}
