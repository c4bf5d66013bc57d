"use client";

import { useId, useMemo } from "react";
import { Dialog } from "@/components/editor/dialog";
import { diffContent, type ContentDiff } from "@/lib/articles/diff";
import { displayFields, type FieldLookups } from "@/lib/articles/diff-fields";
import type { EditableContent, EditorArticle } from "@/lib/articles/editor-model";
import { formatDateTime } from "@/lib/format/date";
import { DiffView } from "./diff-view";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";

export function versionDiff(from: EditableContent, to: EditableContent, lookups: FieldLookups): ContentDiff {
  return diffContent({ fields: displayFields(from, lookups), body: from.bodyJson }, { fields: displayFields(to, lookups), body: to.bodyJson });
}

interface Props {
  mine: EditorArticle;
  theirs: EditorArticle;
  /** The version both started from. */
  base: EditableContent;
  lookups: FieldLookups;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onMerge: () => void;
}

/**
 * Someone saved a newer version while this editor was working. Nothing is lost: the
 * dialog shows what each side changed since the common version, and lets the editor
 * keep theirs, keep their own, or merge by hand.
 */
export function ConflictDialog({ mine, theirs, base, lookups, onKeepMine, onTakeTheirs, onMerge }: Props) {
  const theirChanges = useMemo(() => versionDiff(base, theirs, lookups), [base, theirs, lookups]);
  const myChanges = useMemo(() => versionDiff(base, mine, lookups), [base, mine, lookups]);
  const a = t.articlesAdmin;
  const when = theirs.updatedAt ? formatDateTime(new Date(theirs.updatedAt)) : "";
  const messageId = useId();
  return (
    <Dialog
      open
      wide
      title={a.conflictTitle}
      // The dialog itself takes the focus (it has no field): its name, then what happened, are read.
      describedBy={messageId}
      onClose={onMerge}
      testId="conflict-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onTakeTheirs}>
            {a.takeTheirs}
          </button>
          <span className="spacer" />
          <button type="button" className="button" onClick={onMerge}>
            {a.mergeByHand}
          </button>
          <button type="button" className="button button-primary" onClick={onKeepMine}>
            {a.keepMine}
          </button>
        </>
      }
    >
      <div className="conflict" data-testid="conflict-message">
        <p className="gov-notice" id={messageId}>
          {fill(a.conflictMessage, { who: theirs.updatedBy, time: when, version: theirs.version })}
        </p>
        <section>
          <h3>{fill(a.theirChanges, { version: theirs.version })}</h3>
          <DiffView diff={theirChanges} emptyText={a.theyChangedNothing} />
        </section>
        <section>
          <h3>{a.yourChanges}</h3>
          <DiffView diff={myChanges} emptyText={a.youChangedNothing} />
        </section>
      </div>
    </Dialog>
  );
}

/** While merging by hand: what the other editor changed, beside the text. */
export function MergePanel({ theirs, base, lookups, onDone }: { theirs: EditorArticle; base: EditableContent; lookups: FieldLookups; onDone: () => void }) {
  const diff = useMemo(() => versionDiff(base, theirs, lookups), [base, theirs, lookups]);
  const a = t.articlesAdmin;
  return (
    <aside className="merge-panel" aria-label={a.mergePanel} data-testid="merge-panel">
      <header>
        <h2>{fill(a.mergePanelTitle, { who: theirs.updatedBy, version: theirs.version })}</h2>
        <button type="button" className="button button-small" onClick={onDone}>
          {a.mergeDone}
        </button>
      </header>
      <p className="muted">{a.mergeHint}</p>
      <DiffView diff={diff} emptyText={a.theyChangedNothing} />
    </aside>
  );
}
