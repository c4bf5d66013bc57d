"use client";

import { useState } from "react";
import { t } from "@/lib/i18n/zh-CN";
import { fill } from "@/lib/i18n/fill";
import { createColumnAction, updateColumnAction } from "@/lib/columns/actions";
import type { ColumnOption } from "@/lib/columns/admin-queries";
import { REPORT_CATEGORIES } from "@/lib/columns/report-category";
import type { ColumnInput } from "@/lib/columns/schema";
import type { ReviewerChoice } from "@/lib/reviewer-groups/queries";
import { GovField, GovFormStatus, useGovernanceAction } from "./governance-form";
import { GovernanceLevelReviewers, type LevelReviewersValue } from "./governance-level-reviewers";

const L = t.adminColumns;
const LEVELS = [
  { value: 1, label: L.reviewLevel1 },
  { value: 2, label: L.reviewLevel2 },
  { value: 3, label: L.reviewLevel3 },
];
const PERIOD_DEFAULTS = REPORT_CATEGORIES.filter((c) => c.updateEveryDays !== null)
  .map((c) => fill(L.defaultPeriod, { category: c.label, days: c.updateEveryDays! }))
  .join("，");

export interface ColumnFormValues {
  id: number;
  name: string;
  slug: string;
  description: string;
  parentId: number | null;
  reviewLevels: number;
  levelReviewers: LevelReviewersValue[];
  hidden: boolean;
  reportCategory: ColumnInput["reportCategory"];
  updateEveryDays: number | null;
}

/** Who may be named on a level (edit form only: a new column has no reviewers yet). */
export interface ReviewerOptions {
  reviewers: ReviewerChoice[];
  groups: { id: number; name: string }[];
}

/**
 * Create a column, or edit one: name, address, parent (move), review levels, visibility.
 * The parent menu leaves out the column itself and everything under it.
 */
export function GovernanceColumnForm({ column, parents, reviewerOptions }: { column?: ColumnFormValues; parents: ColumnOption[]; reviewerOptions?: ReviewerOptions }) {
  const create = useGovernanceAction(createColumnAction);
  const update = useGovernanceAction(updateColumnAction);
  const { pending, error, message, fieldErrors } = column ? update : create;
  const [levels, setLevels] = useState(column?.reviewLevels ?? 1);
  const [levelReviewers, setLevelReviewers] = useState<LevelReviewersValue[]>(column?.levelReviewers ?? []);
  const choices = column ? parents.filter((p) => p.id !== column.id && !p.path.includes(column.id)) : parents;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const parent = String(form.get("parentId") ?? "");
    const category = String(form.get("reportCategory") ?? "");
    const period = String(form.get("updateEveryDays") ?? "").trim();
    const input = {
      name: String(form.get("name") ?? ""),
      slug: String(form.get("slug") ?? ""),
      description: String(form.get("description") ?? ""),
      parentId: parent ? Number(parent) : null,
      reviewLevels: levels,
      levelReviewers: levelReviewers.filter((l) => l.level <= levels),
      hidden: form.get("hidden") === "on",
      reportCategory: (category || null) as ColumnInput["reportCategory"],
      // Empty is "the category's default"; anything else goes to the server as typed, to be checked there.
      updateEveryDays: period === "" ? null : period,
    };
    if (column) {
      await update.run({ id: column.id, ...input }, { success: t.adminCommon.saved });
    } else {
      await create.run(input, {
        success: `${L.created}${input.name}`,
        onSuccess: () => {
          formElement.reset();
          setLevels(1);
        },
      });
    }
  }

  const prefix = column ? "column-edit" : "column-new";
  return (
    <form className="form gov-form" onSubmit={onSubmit} noValidate aria-label={column ? L.editColumn : L.newColumn}>
      <div className="gov-grid">
        <GovField id={`${prefix}-name`} label={L.name} errors={fieldErrors.name} required>
          {(p) => <input {...p} name="name" defaultValue={column?.name} maxLength={30} required autoComplete="off" />}
        </GovField>
        <GovField id={`${prefix}-slug`} label={L.slug} hint={L.slugHint} errors={fieldErrors.slug} required>
          {(p) => (
            <input
              {...p}
              name="slug"
              defaultValue={column?.slug}
              maxLength={60}
              required
              autoComplete="off"
              spellCheck={false}
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              className="gov-mono"
            />
          )}
        </GovField>
      </div>
      <GovField id={`${prefix}-parent`} label={L.parent} errors={fieldErrors.parentId}>
        {(p) => (
          <select {...p} name="parentId" defaultValue={column?.parentId ?? ""}>
            <option value="">{L.noParent}</option>
            {choices.map((o) => (
              <option key={o.id} value={o.id}>
                {"　".repeat(o.depth)}
                {o.name}
              </option>
            ))}
          </select>
        )}
      </GovField>
      <fieldset className="gov-fieldset" aria-describedby={`${prefix}-levels-hint`}>
        <legend>{L.reviewLevels}</legend>
        <div className="button-row">
          {LEVELS.map((l) => (
            <label key={l.value} className="gov-check">
              <input type="radio" name="reviewLevels" value={l.value} checked={levels === l.value} onChange={() => setLevels(l.value)} />
              {l.label}
            </label>
          ))}
        </div>
        <span className="field-hint" id={`${prefix}-levels-hint`}>
          {L.reviewLevelsHint}
        </span>
        {fieldErrors.reviewLevels && <span className="field-error">{fieldErrors.reviewLevels.join(" ")}</span>}
      </fieldset>
      <div className="gov-grid">
        <GovField id={`${prefix}-reportCategory`} label={L.reportCategory} hint={L.reportCategoryHint} errors={fieldErrors.reportCategory}>
          {(p) => (
            <select {...p} name="reportCategory" defaultValue={column?.reportCategory ?? ""}>
              <option value="">{L.noReportCategory}</option>
              {REPORT_CATEGORIES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </GovField>
        <GovField
          id={`${prefix}-updateEveryDays`}
          label={`${L.updateEveryDays}（${t.adminCommon.optional}）`}
          hint={fill(L.updateEveryDaysHint, { defaults: PERIOD_DEFAULTS })}
          errors={fieldErrors.updateEveryDays}
        >
          {(p) => <input {...p} name="updateEveryDays" type="number" min={1} max={3660} step={1} inputMode="numeric" defaultValue={column?.updateEveryDays ?? ""} />}
        </GovField>
      </div>
      {reviewerOptions && (
        <GovernanceLevelReviewers
          levels={levels}
          values={levelReviewers}
          onChange={setLevelReviewers}
          reviewers={reviewerOptions.reviewers}
          groups={reviewerOptions.groups}
          errors={fieldErrors}
          prefix={prefix}
        />
      )}
      <GovField id={`${prefix}-description`} label={`${L.description}（${t.adminCommon.optional}）`} errors={fieldErrors.description}>
        {(p) => <textarea {...p} name="description" defaultValue={column?.description} maxLength={500} rows={2} />}
      </GovField>
      <label className="gov-check">
        <input type="checkbox" name="hidden" defaultChecked={column?.hidden} />
        {L.hidden}
      </label>
      <GovFormStatus error={error} message={message} testId={prefix} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t.adminCommon.saving : column ? t.common.save : L.newColumn}
        </button>
      </div>
    </form>
  );
}
