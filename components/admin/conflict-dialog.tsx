"use client";

import { useMemo } from "react";
import { Dialog } from "@/components/editor/dialog";
import { diffContent, type ContentDiff } from "@/lib/articles/diff";
import { displayFields, type FieldLookups } from "@/lib/articles/diff-fields";
import type { EditableContent, EditorArticle } from "@/lib/articles/editor-model";
import { formatDateTime } from "@/lib/format/date";
import { DiffView } from "./diff-view";

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
  const when = theirs.updatedAt ? formatDateTime(new Date(theirs.updatedAt)) : "";
  return (
    <Dialog
      open
      wide
      title="其他人已保存了这篇文章"
      onClose={onMerge}
      testId="conflict-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onTakeTheirs}>
            采用对方的版本
          </button>
          <span className="spacer" />
          <button type="button" className="button" onClick={onMerge}>
            手动合并
          </button>
          <button type="button" className="button button-primary" onClick={onKeepMine}>
            保留我的版本并保存
          </button>
        </>
      }
    >
      <div className="conflict" data-testid="conflict-message">
        <p className="gov-notice">
          <strong>{theirs.updatedBy}</strong> 于 {when} 保存了第 {theirs.version} 版。您的修改没有丢失，也还没有覆盖对方的内容。请比较后选择：保留您的版本（对方的版本仍留在修订记录中）、采用对方的版本，或手动合并。
        </p>
        <section>
          <h3>对方做的修改（第 {theirs.version} 版）</h3>
          <DiffView diff={theirChanges} emptyText="对方没有改动内容。" />
        </section>
        <section>
          <h3>您做的修改（尚未保存）</h3>
          <DiffView diff={myChanges} emptyText="您没有改动内容。" />
        </section>
      </div>
    </Dialog>
  );
}

/** While merging by hand: what the other editor changed, beside the text. */
export function MergePanel({ theirs, base, lookups, onDone }: { theirs: EditorArticle; base: EditableContent; lookups: FieldLookups; onDone: () => void }) {
  const diff = useMemo(() => versionDiff(base, theirs, lookups), [base, theirs, lookups]);
  return (
    <aside className="merge-panel" aria-label="对方的修改" data-testid="merge-panel">
      <header>
        <h2>对方的修改（{theirs.updatedBy}，第 {theirs.version} 版）</h2>
        <button type="button" className="button button-small" onClick={onDone}>
          合并完成
        </button>
      </header>
      <p className="muted">您的内容保留在编辑器中。请参照下面的差异把需要的修改补进去，然后保存。</p>
      <DiffView diff={diff} emptyText="对方没有改动内容。" />
    </aside>
  );
}
