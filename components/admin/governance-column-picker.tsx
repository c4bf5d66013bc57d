"use client";

import { useState } from "react";
import { t } from "@/lib/i18n/zh-CN";
import type { ColumnOption } from "@/lib/columns/admin-queries";

const L = t.adminUsers;

/** Check boxes for a user's columns, indented like the tree, with select-all and clear. */
export function GovernanceColumnPicker({
  columns,
  selected,
  onChange,
  errors,
  dimmed,
}: {
  columns: ColumnOption[];
  selected: number[];
  onChange: (ids: number[]) => void;
  errors?: string[];
  /** Admins work in every column: the choice is kept but does not matter. */
  dimmed?: boolean;
}) {
  const [filter, setFilter] = useState("");
  const chosen = new Set(selected);
  const shown = filter.trim() ? columns.filter((c) => c.name.includes(filter.trim())) : columns;
  const toggle = (id: number, on: boolean) => onChange(on ? [...selected, id] : selected.filter((x) => x !== id));

  return (
    <fieldset className={`gov-fieldset ${dimmed ? "gov-dimmed" : ""}`} aria-describedby="columns-hint columns-error">
      <legend>{L.columns}</legend>
      <p className="field-hint" id="columns-hint">
        {L.columnsHint}
      </p>
      <div className="gov-picker-tools">
        <input
          type="search"
          className="gov-input-small"
          placeholder="筛选栏目"
          aria-label="筛选栏目"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <button type="button" className="button button-small" onClick={() => onChange(columns.map((c) => c.id))}>
          全选
        </button>
        <button type="button" className="button button-small" onClick={() => onChange([])}>
          清空
        </button>
        <span className="muted" aria-live="polite">
          已选 {selected.length} 个
        </span>
      </div>
      <ul className="gov-picker">
        {shown.map((c) => (
          <li key={c.id} style={{ paddingLeft: `${(filter ? 0 : c.depth) * 20}px` }}>
            <label>
              <input type="checkbox" name="columnIds" value={c.id} checked={chosen.has(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />{" "}
              {c.name}
              {c.hidden && <span className="muted">（已隐藏）</span>}
            </label>
          </li>
        ))}
      </ul>
      {errors?.length ? (
        <span className="field-error" id="columns-error">
          {errors.join(" ")}
        </span>
      ) : null}
    </fieldset>
  );
}
