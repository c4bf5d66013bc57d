"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { EditorArticle } from "@/lib/articles/editor-model";
import { searchDocumentsAction } from "@/lib/documents/actions";
import { documentChoiceLabel, INTERPRETATION_KINDS, MAX_INTERPRETED, type DocumentChoice } from "@/lib/documents/interpretations";
import { documentText as d } from "@/lib/documents/text";
import { FieldError, invalid } from "./field-error";

interface Props {
  article: EditorArticle;
  update: (patch: Partial<EditorArticle>) => void;
  errors: Record<string, string[]>;
  disabled?: boolean;
}

/**
 * 解读: the kind, and the documents the article interprets — found as you type by title,
 * 发文字号 or 索引号 (an APG combobox: arrows move, Enter adds, Escape closes). Saved with
 * the content, so the links reach the public pages only through review.
 */
export function InterpretationFields({ article, update, errors, disabled }: Props) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [options, setOptions] = useState<DocumentChoice[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [searched, setSearched] = useState(false);
  const request = useRef(0);
  const chosen = article.interprets;

  useEffect(() => {
    const q = query.trim();
    const mine = ++request.current;
    if (!q) return;
    const timer = setTimeout(async () => {
      const result = await searchDocumentsAction({ q, excludeId: article.id });
      // Only the answer to the latest query counts.
      if (mine !== request.current) return;
      const found = result.ok ? result.data.filter((doc) => !chosen.some((c) => c.id === doc.id)) : [];
      setOptions(found);
      setActive(found.length ? 0 : -1);
      setSearched(true);
      setOpen(true);
    }, 200);
    return () => clearTimeout(timer);
  }, [query, article.id, chosen]);

  const add = (doc: DocumentChoice) => {
    if (chosen.length >= MAX_INTERPRETED) return;
    update({ interprets: [...chosen, doc], interpretationKind: article.interpretationKind ?? "TEXT" });
    setQuery("");
    setOptions([]);
    setOpen(false);
    setSearched(false);
  };
  const remove = (docId: number) => update({ interprets: chosen.filter((c) => c.id !== docId) });

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" && options.length) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % options.length);
    } else if (e.key === "ArrowUp" && options.length) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
    } else if (e.key === "Enter" && open && active >= 0 && options[active]) {
      e.preventDefault();
      add(options[active]);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
    }
  };

  const listId = `${id}-documents`;
  const expanded = open && !!query.trim() && searched;
  return (
    <fieldset className="document-validity interpretation-fields">
      <legend>{d.interprets}</legend>
      <label className="field">
        <span>{d.interpretationKind}</span>
        <select
          value={article.interpretationKind ?? ""}
          disabled={disabled}
          onChange={(e) => update({ interpretationKind: (e.target.value || null) as EditorArticle["interpretationKind"] })}
          {...invalid(errors, "interpretationKind")}
        >
          <option value="">{d.interpretationKindNone}</option>
          {INTERPRETATION_KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
        <FieldError errors={errors} name="interpretationKind" />
      </label>
      {chosen.length > 0 && (
        <ul className="interpreted-documents" aria-label={d.interprets}>
          {chosen.map((doc) => (
            <li key={doc.id}>
              <span>{documentChoiceLabel(doc)}</span>
              <button type="button" className="button-link is-danger" disabled={disabled} onClick={() => remove(doc.id)} aria-label={`${d.interpretsRemove}：${doc.title}`}>
                {d.interpretsRemove}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field combobox">
        <label htmlFor={`${id}-search`}>{d.interpretsSearch}</label>
        <input
          id={`${id}-search`}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={`${id}-hint${errors.interprets?.length ? " interprets-error" : ""}`}
          aria-invalid={!!errors.interprets?.length}
          value={query}
          disabled={disabled || chosen.length >= MAX_INTERPRETED}
          onChange={(e) => {
            setQuery(e.target.value);
            if (!e.target.value.trim()) setOpen(false);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
        />
        <span className="field-hint" id={`${id}-hint`}>
          {d.interpretsHint}
        </span>
        <ul id={listId} role="listbox" aria-label={d.interpretsSearch} className="combobox-options" hidden={!expanded}>
          {options.map((doc, i) => (
            <li
              key={doc.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => add(doc)}
            >
              {documentChoiceLabel(doc)}
              {doc.indexNo && <span className="muted"> {doc.indexNo}</span>}
            </li>
          ))}
        </ul>
        {expanded && options.length === 0 && (
          <p className="field-hint" role="status">
            {d.interpretsNone}
          </p>
        )}
        <FieldError errors={errors} name="interprets" />
      </div>
    </fieldset>
  );
}
