"use client";

import { useState } from "react";

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
          <button type="button" aria-label={`删除标签 ${tag}`} disabled={disabled} onClick={() => onChange(value.filter((t) => t !== tag))}>
            ×
          </button>
        </span>
      ))}
      {value.length < MAX_TAGS && (
        <input
          aria-label="标题标签"
          value={draft}
          disabled={disabled}
          placeholder={value.length ? "再加一个" : "标题标签，如：媒体解读（回车添加）"}
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
