"use client";

import { t } from "@/lib/i18n/zh-CN";
import { createWordAction } from "@/lib/words/actions";
import { GovField, GovFormStatus, useGovernanceAction } from "./governance-form";

const L = t.adminWords;

/** Adds one word to the list. */
export function GovernanceWordForm() {
  const { run, pending, error, message, fieldErrors } = useGovernanceAction(createWordAction);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const word = String(form.get("word") ?? "");
    await run(
      {
        word,
        replacement: String(form.get("replacement") ?? ""),
        note: String(form.get("note") ?? ""),
        blocking: form.get("blocking") === "on",
      },
      {
        success: `${L.created}${word.trim()}`,
        onSuccess: () => {
          formElement.reset();
          (formElement.elements.namedItem("word") as HTMLInputElement | null)?.focus();
        },
      },
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={L.newWord}>
      <div className="gov-word-form">
        <GovField id="word-new-word" label={L.word} errors={fieldErrors.word} required>
          {(p) => <input {...p} name="word" maxLength={50} required autoComplete="off" />}
        </GovField>
        <GovField id="word-new-replacement" label={L.replacement} errors={fieldErrors.replacement}>
          {(p) => <input {...p} name="replacement" maxLength={50} autoComplete="off" />}
        </GovField>
        <GovField id="word-new-note" label={L.note} errors={fieldErrors.note}>
          {(p) => <input {...p} name="note" maxLength={200} autoComplete="off" />}
        </GovField>
        <label className="gov-check">
          <input type="checkbox" name="blocking" />
          {L.blocking}
        </label>
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t.adminCommon.saving : L.newWord}
        </button>
      </div>
      <GovFormStatus error={error} message={message} testId="word-new" />
    </form>
  );
}
