"use client";

import { useState } from "react";
import { TableScroll } from "@/components/admin/table-scroll";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";
import { deleteTopicAction, moveTopicAction, renameTopicAction } from "@/lib/topics/actions";
import type { AdminTopic } from "@/lib/topics/queries";
import { topicText as L } from "@/lib/topics/text";
import { GovernanceConfirm } from "./governance-confirm";
import { GovFormStatus, useGovernanceAction } from "./governance-form";

/** The themes in order: rename in place, move up or down, delete an unused one. */
export function GovernanceTopicTable({ topics }: { topics: AdminTopic[] }) {
  const rename = useGovernanceAction(renameTopicAction);
  const move = useGovernanceAction(moveTopicAction);
  const remove = useGovernanceAction(deleteTopicAction);
  const [editing, setEditing] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<AdminTopic | null>(null);
  const clear = () => (rename.clear(), move.clear(), remove.clear());

  async function onSave(event: React.FormEvent<HTMLFormElement>, id: number) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    await rename.run({ id, name }, { success: `${L.updated}${name.trim()}`, onSuccess: () => setEditing(null) });
  }

  async function onMove(topic: AdminTopic, direction: "up" | "down") {
    clear();
    await move.run({ id: topic.id, direction }, { success: `${L.moved}${topic.name}` });
  }

  function askDelete(topic: AdminTopic) {
    clear();
    setDeleting(topic);
  }

  if (topics.length === 0) return <p className="gov-card">{L.none}</p>;

  return (
    <>
      {/* While the dialog is open, a refusal to delete shows in it, not twice. */}
      <GovFormStatus error={rename.error || move.error || (deleting ? "" : remove.error)} message={rename.message || move.message || remove.message} testId="topic-table" />
      <TableScroll label={L.title}>
        <table className="data-table gov-table">
          <thead>
            <tr>
              <th scope="col">{L.position}</th>
              <th scope="col">{L.name}</th>
              <th scope="col">{L.usage}</th>
              <th scope="col">{t.adminCommon.actions}</th>
            </tr>
          </thead>
          <tbody>
            {topics.map((topic, index) =>
              editing === topic.id ? (
                <tr key={topic.id}>
                  <td>{index + 1}</td>
                  <td colSpan={3}>
                    <form className="gov-word-form" onSubmit={(e) => onSave(e, topic.id)} aria-label={fill(L.editLabel, { name: topic.name })}>
                      <input name="name" defaultValue={topic.name} maxLength={100} aria-label={L.name} aria-invalid={rename.fieldErrors.name ? true : undefined} autoFocus />
                      <span className="button-row">
                        <button type="submit" className="button button-primary button-small" disabled={rename.pending}>
                          {t.common.save}
                        </button>
                        <button type="button" className="button button-small" onClick={() => (setEditing(null), clear())}>
                          {L.cancelEdit}
                        </button>
                      </span>
                    </form>
                  </td>
                </tr>
              ) : (
                <tr key={topic.id}>
                  <td>{index + 1}</td>
                  <th scope="row">{topic.name}</th>
                  <td>{topic.usage}</td>
                  <td>
                    <span className="gov-actions">
                      <button type="button" className="button button-small" aria-label={fill(L.upLabel, { name: topic.name })} disabled={index === 0 || move.pending} onClick={() => onMove(topic, "up")}>
                        {L.up}
                      </button>
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={fill(L.downLabel, { name: topic.name })}
                        disabled={index === topics.length - 1 || move.pending}
                        onClick={() => onMove(topic, "down")}
                      >
                        {L.down}
                      </button>
                      <button type="button" className="button button-small" aria-label={fill(L.editLabel, { name: topic.name })} onClick={() => (setEditing(topic.id), clear())}>
                        {t.adminCommon.edit}
                      </button>
                      <button type="button" className="button button-small button-danger" aria-label={fill(L.deleteLabel, { name: topic.name })} onClick={() => askDelete(topic)}>
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
          question={fill(t.adminCommon.confirmDelete, { name: deleting.name })}
          action={remove}
          onConfirm={() => remove.run({ id: deleting.id }, { success: `${L.deleted}${deleting.name}` })}
          onClose={() => setDeleting(null)}
          testId="topic-delete-dialog"
        />
      )}
    </>
  );
}
