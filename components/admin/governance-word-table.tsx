"use client";

import { useState } from "react";
import { t } from "@/lib/i18n/zh-CN";
import { deleteWordAction, updateWordAction } from "@/lib/words/actions";
import type { AdminWord } from "@/lib/words/queries";
import { GovernanceConfirm } from "./governance-confirm";
import { GovFormStatus, useGovernanceAction } from "./governance-form";
import { fill } from "./governance-text";
import { TableScroll } from "@/components/admin/table-scroll";

const L = t.adminWords;

type Word = Pick<AdminWord, "id" | "word" | "blocking" | "replacement" | "note">;

/** The word list; a row turns into a small form to edit it in place. */
export function GovernanceWordTable({ words }: { words: Word[] }) {
  const update = useGovernanceAction(updateWordAction);
  const remove = useGovernanceAction(deleteWordAction);
  const [editing, setEditing] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<Word | null>(null);

  async function onSave(event: React.FormEvent<HTMLFormElement>, id: number) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const word = String(form.get("word") ?? "");
    await update.run(
      { id, word, replacement: String(form.get("replacement") ?? ""), note: String(form.get("note") ?? ""), blocking: form.get("blocking") === "on" },
      { success: `${L.updated}${word.trim()}`, onSuccess: () => setEditing(null) },
    );
  }

  function askDelete(w: Word) {
    update.clear();
    remove.clear();
    setDeleting(w);
  }

  if (words.length === 0) return <p className="gov-card">{L.noWords}</p>;

  return (
    <>
      {/* While the dialog is open, a refusal to delete shows in it, not twice. */}
      <GovFormStatus error={update.error || (deleting ? "" : remove.error)} message={update.message || remove.message} testId="word-table" />
      <TableScroll label={L.title}>
        <table className="data-table gov-table">
        <thead>
          <tr>
            <th scope="col">{L.word}</th>
            <th scope="col">{L.kind}</th>
            <th scope="col">{L.replacement}</th>
            <th scope="col">{L.note}</th>
            <th scope="col">{t.adminCommon.actions}</th>
          </tr>
        </thead>
        <tbody>
          {words.map((w) =>
            editing === w.id ? (
              <tr key={w.id}>
                <td colSpan={5}>
                  <form className="gov-word-form" onSubmit={(e) => onSave(e, w.id)} aria-label={fill(L.editLabel, { word: w.word })}>
                    <input name="word" defaultValue={w.word} maxLength={50} aria-label={L.word} aria-invalid={update.fieldErrors.word ? true : undefined} autoFocus />
                    <input name="replacement" defaultValue={w.replacement} maxLength={50} aria-label={L.replacement} />
                    <input name="note" defaultValue={w.note} maxLength={200} aria-label={L.note} />
                    <label className="gov-check">
                      <input type="checkbox" name="blocking" defaultChecked={w.blocking} />
                      {L.blocking}
                    </label>
                    <span className="button-row">
                      <button type="submit" className="button button-primary button-small" disabled={update.pending}>
                        {t.common.save}
                      </button>
                      <button type="button" className="button button-small" onClick={() => (setEditing(null), update.clear())}>
                        {L.cancelEdit}
                      </button>
                    </span>
                  </form>
                </td>
              </tr>
            ) : (
              <tr key={w.id}>
                <th scope="row">{w.word}</th>
                <td>{w.blocking ? <span className="badge badge-withdrawn">{L.blockingBadge}</span> : <span className="badge badge-in_review">{L.warningBadge}</span>}</td>
                <td>{w.replacement || <span className="muted">—</span>}</td>
                <td className="gov-cell-wrap">{w.note || <span className="muted">—</span>}</td>
                <td>
                  <span className="gov-actions">
                    <button type="button" className="button button-small" aria-label={fill(L.editLabel, { word: w.word })} onClick={() => (setEditing(w.id), update.clear())}>
                      {t.adminCommon.edit}
                    </button>
                    <button type="button" className="button button-small button-danger" aria-label={fill(L.deleteLabel, { word: w.word })} onClick={() => askDelete(w)}>
                      {t.adminCommon.delete}
                    </button>
                  </span>
                </td>
              </tr>
            ),
          )}
        </tbody>
        </table>
      </TableScroll>
      {deleting && (
        <GovernanceConfirm
          title={L.deleteTitle}
          question={fill(t.adminCommon.confirmDelete, { name: deleting.word })}
          action={remove}
          onConfirm={() => remove.run({ id: deleting.id }, { success: `${L.deleted}${deleting.word}` })}
          onClose={() => setDeleting(null)}
          testId="word-delete-dialog"
        />
      )}
    </>
  );
}
