import type { BlockChange, ContentDiff, TextPart } from "@/lib/articles/diff";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";

function Parts({ parts }: { parts: TextPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i}>{p.value}</ins>
        ) : p.removed ? (
          <del key={i}>{p.value}</del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </>
  );
}

/** Unchanged blocks far from any change fold away, as in a code review. */
function visible(blocks: BlockChange[], context: number): (BlockChange | { kind: "gap"; count: number })[] {
  const near = blocks.map((b, i) => b.kind !== "same" || blocks.slice(Math.max(0, i - context), i + context + 1).some((x) => x.kind !== "same"));
  const out: (BlockChange | { kind: "gap"; count: number })[] = [];
  blocks.forEach((b, i) => {
    if (near[i]) out.push(b);
    else {
      const last = out[out.length - 1];
      if (last?.kind === "gap") last.count++;
      else out.push({ kind: "gap", count: 1 });
    }
  });
  return out;
}

/**
 * A readable difference between two versions: changed fields, then the body block by
 * block — added in green, removed struck through in red, edits marked inside the text,
 * formatting changes named.
 */
export function DiffView({ diff, context = 1, emptyText = t.articlesAdmin.diffSame }: { diff: ContentDiff; context?: number; emptyText?: string }) {
  const a = t.articlesAdmin;
  const changed = diff.counts.added + diff.counts.removed + diff.counts.changed + diff.counts.fields;
  if (changed === 0) return <p className="muted">{emptyText}</p>;
  return (
    <div className="diff-view" data-testid="diff-view">
      <p className="diff-summary">
        {diff.counts.fields > 0 && <span>{fill(a.diffFields, { n: diff.counts.fields })}</span>}
        {diff.counts.changed > 0 && <span>{fill(a.diffChanged, { n: diff.counts.changed })}</span>}
        {diff.counts.added > 0 && <span className="diff-added-count">{fill(a.diffAdded, { n: diff.counts.added })}</span>}
        {diff.counts.removed > 0 && <span className="diff-removed-count">{fill(a.diffRemoved, { n: diff.counts.removed })}</span>}
      </p>
      {diff.fields.length > 0 && (
        <table className="diff-fields">
          <tbody>
            {diff.fields.map((f) => (
              <tr key={f.field}>
                <th scope="row">{f.label}</th>
                <td className="diff-text">
                  <Parts parts={f.parts} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ol className="diff-blocks">
        {visible(diff.blocks, context).map((b, i) => {
          if (b.kind === "gap") {
            return (
              <li key={i} className="diff-gap">
                {fill(a.diffUnchanged, { n: b.count })}
              </li>
            );
          }
          if (b.kind === "changed") {
            return (
              <li key={i} className="diff-block is-changed">
                <span className="diff-label">
                  {b.after.label} · {a.diffEdit}
                </span>
                <div className="diff-text">
                  <Parts parts={b.parts} />
                </div>
                {(b.formatAdded.length > 0 || b.formatRemoved.length > 0) && (
                  <p className="diff-format">
                    {b.formatAdded.map((f) => (
                      <span key={`+${f}`} className="is-added">
                        {fill(a.diffFormatAdded, { format: f })}
                      </span>
                    ))}
                    {b.formatRemoved.map((f) => (
                      <span key={`-${f}`} className="is-removed">
                        {fill(a.diffFormatRemoved, { format: f })}
                      </span>
                    ))}
                  </p>
                )}
              </li>
            );
          }
          const label = b.kind === "added" ? a.diffNew : b.kind === "removed" ? a.diffGone : "";
          return (
            <li key={i} className={`diff-block is-${b.kind}`}>
              <span className="diff-label">
                {b.block.label}
                {label && ` · ${label}`}
              </span>
              <div className="diff-text">{b.block.text || <span className="muted">{a.empty}</span>}</div>
              {b.kind !== "same" && b.block.format.length > 0 && <p className="diff-format">{b.block.format.join("；")}</p>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
