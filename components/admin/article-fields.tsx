"use client";

import type { EditorArticle } from "@/lib/articles/editor-model";
import { fromLocalInput, toLocalInput, zoneLabel } from "@/lib/format/zone";
import { TitleTagsInput } from "./title-tags-input";
import { t } from "@/lib/i18n/zh-CN";
import { ColumnOptions } from "./column-options";
import { DocumentValidityFields } from "./document-validity-fields";
import { FieldError, invalid } from "./field-error";
import { InterpretationFields } from "./interpretation-fields";
import { TopicSelect } from "./topic-select";

export interface ColumnChoice {
  id: number;
  name: string;
  depth: number;
}

interface FieldsProps {
  article: EditorArticle;
  update: (patch: Partial<EditorArticle>) => void;
  errors: Record<string, string[]>;
  disabled?: boolean;
}


/** Title, title tags and subtitle: above the text, as on the page. */
export function TitleFields({ article, update, errors, disabled }: FieldsProps) {
  const a = t.articlesAdmin;
  return (
    <div className="title-fields">
      <TitleTagsInput value={article.titleTags} onChange={(titleTags) => update({ titleTags })} disabled={disabled} />
      <label className="visually-hidden" htmlFor="article-title">
        {a.title}
      </label>
      <textarea
        id="article-title"
        className="title-input"
        rows={1}
        maxLength={200}
        placeholder={a.titlePlaceholder}
        value={article.title}
        disabled={disabled}
        onChange={(e) => update({ title: e.target.value.replace(/\n/g, "") })}
        {...invalid(errors, "title")}
      />
      <FieldError errors={errors} name="title" />
      <label className="visually-hidden" htmlFor="article-subtitle">
        {a.subtitle}
      </label>
      <input
        id="article-subtitle"
        className="subtitle-input"
        maxLength={200}
        placeholder={a.subtitlePlaceholder}
        value={article.subtitle}
        disabled={disabled}
        onChange={(e) => update({ subtitle: e.target.value })}
      />
    </div>
  );
}

/** The input's value back to an instant; a cleared (or unreadable) input means no date. */
function publishedAtFromInput(value: string, offset: string): string | null {
  if (!value) return null;
  const d = fromLocalInput(value, offset);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/**
 * Where a live article is shown (its placement) is the public site's, not a draft:
 * "locked" for who may not publish, "live" (changes take effect at once) for who may.
 */
export type PlacementMode = "draft" | "locked" | "live";

/** Column, 公开日期, flags, author, source, summary and the 政务公开 fields. */
export function MetaFields({
  article,
  update,
  errors,
  disabled,
  columns,
  zoneOffset,
  placement = "draft",
  topics,
}: FieldsProps & { columns: ColumnChoice[]; zoneOffset: string; placement?: PlacementMode; topics: string[] }) {
  const a = t.articlesAdmin;
  const placementDisabled = disabled || placement === "locked";
  return (
    <div className="meta-fields">
      {placement !== "draft" && (
        <p className="field-hint" data-testid="placement-note">
          {placement === "locked" ? a.placementLocked : a.placementLive}
        </p>
      )}
      <label className="field">
        <span>
          {a.column} <span className="gov-required">*</span>
        </span>
        <select value={article.columnId ?? ""} disabled={placementDisabled} onChange={(e) => update({ columnId: e.target.value ? Number(e.target.value) : null })} {...invalid(errors, "columnId")}>
          <option value="">{a.chooseColumn}</option>
          <ColumnOptions columns={columns} />
        </select>
        <FieldError errors={errors} name="columnId" />
      </label>
      <label className="field">
        <span>
          {a.publishedAt}（{zoneLabel(zoneOffset)}）
        </span>
        <input
          type="datetime-local"
          value={toLocalInput(article.publishedAt, zoneOffset)}
          disabled={placementDisabled}
          onChange={(e) => update({ publishedAt: publishedAtFromInput(e.target.value, zoneOffset) })}
          {...invalid(errors, "publishedAt")}
        />
        <span className="field-hint">{a.publishedAtHint}</span>
        <FieldError errors={errors} name="publishedAt" />
      </label>
      <div className="check-row">
        <label className="check">
          <input type="checkbox" checked={article.pinned} disabled={placementDisabled} onChange={(e) => update({ pinned: e.target.checked })} />
          {a.pinned}
        </label>
        <label className="check">
          <input type="checkbox" checked={article.headline} disabled={placementDisabled} onChange={(e) => update({ headline: e.target.checked })} />
          {a.headline}
        </label>
      </div>
      <label className="field">
        <span>{a.author}</span>
        <input value={article.author} maxLength={100} disabled={disabled} placeholder={a.authorPlaceholder} onChange={(e) => update({ author: e.target.value })} />
      </label>
      <label className="field">
        <span>{a.source}</span>
        <input value={article.source} maxLength={100} disabled={disabled} placeholder={a.sourcePlaceholder} onChange={(e) => update({ source: e.target.value })} />
      </label>
      <label className="field">
        <span>
          {a.summary} <span className="field-hint">{[...article.summary].length}/500</span>
        </span>
        <textarea rows={4} value={article.summary} maxLength={500} disabled={disabled} onChange={(e) => update({ summary: e.target.value })} {...invalid(errors, "summary")} />
        <FieldError errors={errors} name="summary" />
      </label>
      <details className="disclosure-fields" open={!!(article.indexNo || article.docNo || article.issuingOrg || article.topic || article.writtenAt || article.validity !== "VALID" || article.validUntil || article.interprets.length > 0)}>
        <summary>{a.disclosure}</summary>
        {(
          [
            ["indexNo", a.indexNo],
            ["issuingOrg", a.issuingOrg],
            ["docNo", a.docNo],
          ] as const
        ).map(([name, label]) => (
          <label key={name} className="field">
            <span>{label}</span>
            <input value={article[name]} maxLength={100} disabled={disabled} onChange={(e) => update({ [name]: e.target.value })} {...invalid(errors, name)} />
            <FieldError errors={errors} name={name} />
          </label>
        ))}
        <TopicSelect value={article.topic} topics={topics} onChange={(topic) => update({ topic })} errors={errors} disabled={disabled} />
        <label className="field">
          <span>{a.writtenAt}</span>
          <input type="date" value={article.writtenAt} disabled={disabled} onChange={(e) => update({ writtenAt: e.target.value })} {...invalid(errors, "writtenAt")} />
          <FieldError errors={errors} name="writtenAt" />
        </label>
        <DocumentValidityFields article={article} update={update} errors={errors} disabled={disabled} />
        <InterpretationFields article={article} update={update} errors={errors} disabled={disabled} />
      </details>
    </div>
  );
}
