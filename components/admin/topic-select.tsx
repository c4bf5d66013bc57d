"use client";

import { t } from "@/lib/i18n/zh-CN";
import { topicText } from "@/lib/topics/text";
import { FieldError, invalid } from "./field-error";

/**
 * 主题分类 from the managed list (/admin/topics). A value the article already has that is
 * no longer in the list stays selected and marked, so that opening and saving an old
 * article never loses its theme.
 */
export function TopicSelect({ value, topics, onChange, errors, disabled }: { value: string; topics: string[]; onChange: (topic: string) => void; errors: Record<string, string[]>; disabled?: boolean }) {
  const kept = value && !topics.includes(value) ? value : null;
  return (
    <label className="field">
      <span>{t.articlesAdmin.topic}</span>
      <select value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} {...invalid(errors, "topic")}>
        <option value="">{topicText.choose}</option>
        {kept && <option value={kept}>{`${kept}${topicText.notInList}`}</option>}
        {topics.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <FieldError errors={errors} name="topic" />
    </label>
  );
}
