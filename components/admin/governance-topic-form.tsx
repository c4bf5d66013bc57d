"use client";

import { t } from "@/lib/i18n/zh-CN";
import { createTopicAction } from "@/lib/topics/actions";
import { topicText as L } from "@/lib/topics/text";
import { GovField, GovFormStatus, useGovernanceAction } from "./governance-form";

/** Adds one theme at the end of the list. */
export function GovernanceTopicForm() {
  const { run, pending, error, message, fieldErrors } = useGovernanceAction(createTopicAction);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const name = String(new FormData(formElement).get("name") ?? "");
    await run(
      { name },
      {
        success: `${L.created}${name.trim()}`,
        onSuccess: () => {
          formElement.reset();
          (formElement.elements.namedItem("name") as HTMLInputElement | null)?.focus();
        },
      },
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={L.newTopic}>
      <div className="gov-word-form">
        <GovField id="topic-new-name" label={L.name} errors={fieldErrors.name} required>
          {(p) => <input {...p} name="name" maxLength={100} required autoComplete="off" />}
        </GovField>
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t.adminCommon.saving : L.newTopic}
        </button>
      </div>
      <GovFormStatus error={error} message={message} testId="topic-new" />
    </form>
  );
}
