"use client";

import { useState } from "react";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";

const MAX_TAGS = 5;

/** 标题标签: shown as 【tag】 before the title. Enter or a comma adds one. */
export function TitleTagsInput({ value, onChange, disabled }: { value: string[]; onChange: (tags: string[]) => void; disabled?: boolean }) {
  const [draft, setDraft] = useState("");
  const add = (raw: string) => {
    const tag = raw.replace(/[【】\[\]]/g, "").trim().slice(0, 20);
    if (tag && !value.includes(tag) && value.length < MAX_TAGS) onChange([...value, tag]);
    setDraft("");
  };
  return (
    <div className="tags-input" data-testid="title-tags">
      {value.map((tag) => (
        <span key={tag} className="tag-chip">
          【{tag}】
          <button type="button" aria-label={fill(t.articlesAdmin.removeTag, { tag })} disabled={disabled} onClick={() => onChange(value.filter((x) => x !== tag))}>
            ×
          </button>
        </span>
      ))}
      {value.length < MAX_TAGS && (
        <input
          aria-label={t.articlesAdmin.titleTags}
          value={draft}
          disabled={disabled}
          placeholder={value.length ? t.articlesAdmin.titleTagsMore : t.articlesAdmin.titleTagsPlaceholder}
          onChange={(e) => {
            const v = e.target.value;
            if (/[,，、]$/.test(v)) add(v.slice(0, -1));
            else setDraft(v);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add(draft);
            } else if (e.key === "Backspace" && !draft && value.length) {
              onChange(value.slice(0, -1));
            }
          }}
          onBlur={() => draft && add(draft)}
        />
      )}
    </div>
  );
}
