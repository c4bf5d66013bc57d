"use client";

import Link from "@/components/admin/link";
import { useState, useTransition } from "react";
import { annualReportText as R } from "@/lib/i18n/statistics";
import { createAnnualReportDraftAction } from "@/lib/statistics/actions";
import { ColumnOptions } from "./column-options";

/** 生成报表草稿: pick a column (the overview column by default), create, then open the draft. */
export function AnnualReportDraftForm({ year, columns, defaultColumnId }: { year: number; columns: { id: number; name: string; depth: number }[]; defaultColumnId: number | null }) {
  const [columnId, setColumnId] = useState(defaultColumnId ? String(defaultColumnId) : "");
  const [created, setCreated] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (columns.length === 0) return <p className="muted">{R.noColumnForDraft}</p>;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      const result = await createAnnualReportDraftAction({ year, columnId: Number(columnId) });
      if (result.ok) setCreated(result.data.id);
      else setError(result.fieldErrors ? Object.values(result.fieldErrors).flat().join("；") : result.error);
    });
  };
  return (
    <form onSubmit={submit} className="gov-filters" aria-label={R.draftTitle}>
      <div className="field">
        <label htmlFor="draft-column">{R.draftColumn}</label>
        <select id="draft-column" value={columnId} onChange={(e) => setColumnId(e.target.value)} required>
          <option value="">请选择</option>
          <ColumnOptions columns={columns} />
        </select>
      </div>
      <div className="field">
        <button type="submit" className="button" disabled={pending}>
          {R.draftCreate}
        </button>
      </div>
      <div aria-live="polite" className="field">
        {created ? (
          <p className="gov-success" data-testid="annual-draft-created">
            {R.draftCreated}
            <Link href={`/admin/articles/${created}`}>{R.draftOpen}</Link>
          </p>
        ) : null}
        {error ? (
          <p className="form-error" role="alert" data-testid="annual-draft-error">
            {error}
          </p>
        ) : null}
      </div>
    </form>
  );
}
