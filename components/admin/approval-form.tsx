import type { ApprovalFormView, FormField } from "@/lib/approval/view";
import { APPROVAL_TEXT as L } from "@/lib/approval/text";

function FieldRow({ fields }: { fields: FormField[] }) {
  return (
    <tr>
      {fields.map((f) => [
        <th key={`${f.label}-label`} scope="row">
          {f.label}
        </th>,
        <td key={`${f.label}-value`} colSpan={fields.length === 1 ? 3 : 1} className={f.label === L.hash ? "approval-hash" : undefined}>
          {f.value}
        </td>,
      ])}
    </tr>
  );
}

function FieldTable({ rows }: { rows: FormField[][] }) {
  return (
    <table className="approval-table">
      <colgroup>
        <col className="approval-label" />
        <col />
        <col className="approval-label" />
        <col />
      </colgroup>
      <tbody>
        {rows.map((fields) => (
          <FieldRow key={fields[0].label} fields={fields} />
        ))}
      </tbody>
    </table>
  );
}

/** The 发稿审签单 as a bordered A4 form: the same rows as the PDF (lib/approval/view.ts). */
export function ApprovalFormSheet({ view }: { view: ApprovalFormView }) {
  return (
    <article className="approval-sheet" data-testid="approval-form">
      <p className="approval-site">{view.siteName}</p>
      <h1>{view.title}</h1>
      <FieldTable rows={view.head} />
      <table className="approval-table approval-levels">
        <caption>{L.levelsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{L.level}</th>
            <th scope="col">{L.reviewer}</th>
            <th scope="col">{L.opinion}</th>
            <th scope="col">{L.time}</th>
          </tr>
        </thead>
        <tbody>
          {view.levels.map((l) => (
            <tr key={l.level} data-testid="approval-level">
              <th scope="row">{l.level}</th>
              <td>{l.reviewer}</td>
              <td>{l.opinion}</td>
              <td>{l.time}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <FieldTable rows={view.foot} />
      <p className="approval-note">
        {view.note}
        {view.hashNote}
      </p>
      <p className="approval-foot">
        <span>{view.articleNo}</span>
        <span>{view.printedAt}</span>
      </p>
    </article>
  );
}
