"use client";

import type { EditorArticle } from "@/lib/articles/editor-model";
import { documentText as d } from "@/lib/documents/text";
import { VALIDITIES, validityLabel } from "@/lib/documents/validity";
import { FieldError, invalid } from "./field-error";

interface Props {
  article: EditorArticle;
  update: (patch: Partial<EditorArticle>) => void;
  errors: Record<string, string[]>;
  disabled?: boolean;
}

/**
 * 有效性 of a policy document, with the 政务公开 fields: part of the content, so a change
 * is saved as a new version and reaches the public only through review.
 */
export function DocumentValidityFields({ article, update, errors, disabled }: Props) {
  const changed = article.validity !== "VALID";
  const replaceable = article.validity === "AMENDED" || article.validity === "REPEALED";
  return (
    <fieldset className="document-validity">
      <legend>{d.validity}</legend>
      <p className="field-hint" id="validity-hint">
        {d.validityHint}
      </p>
      <label className="field">
        <span>{d.validity}</span>
        <select
          value={article.validity}
          disabled={disabled}
          aria-describedby="validity-hint"
          onChange={(e) => {
            const validity = e.target.value as EditorArticle["validity"];
            // A valid or expired document has no replacement: clear it rather than refuse the save.
            update(validity === "AMENDED" || validity === "REPEALED" ? { validity } : { validity, replacedById: null });
          }}
        >
          {VALIDITIES.map((v) => (
            <option key={v} value={v}>
              {validityLabel(v)}
            </option>
          ))}
        </select>
      </label>
      {changed && (
        <label className="field">
          <span>{d.validityDate}</span>
          <input type="date" value={article.validityDate} disabled={disabled} onChange={(e) => update({ validityDate: e.target.value })} {...invalid(errors, "validityDate")} />
          <FieldError errors={errors} name="validityDate" />
        </label>
      )}
      {replaceable && (
        <label className="field">
          <span>{d.replacedBy}</span>
          <input
            type="number"
            inputMode="numeric"
            min={1}
            placeholder={d.replacedByPlaceholder}
            value={article.replacedById ?? ""}
            disabled={disabled}
            onChange={(e) => update({ replacedById: e.target.value ? Number(e.target.value) : null })}
            {...invalid(errors, "replacedById")}
          />
          <span className="field-hint">{d.replacedByHint}</span>
          <FieldError errors={errors} name="replacedById" />
        </label>
      )}
      <label className="field">
        <span>{d.validUntil}</span>
        <input type="date" value={article.validUntil} disabled={disabled} onChange={(e) => update({ validUntil: e.target.value })} {...invalid(errors, "validUntil")} />
        <span className="field-hint">{d.validUntilHint}</span>
        <FieldError errors={errors} name="validUntil" />
      </label>
    </fieldset>
  );
}
