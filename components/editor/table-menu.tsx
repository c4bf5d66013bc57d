"use client";

import type { Editor } from "@tiptap/core";
import { useState } from "react";
import { Dialog } from "./dialog";
import { t } from "@/lib/i18n/zh-CN";

/** Inserting a table: rows, columns and whether the first row is a header. */
export function TableDialog({ editor, open, onClose }: { editor: Editor; open: boolean; onClose: () => void }) {
  const [rows, setRows] = useState(3);
  const [cols, setCols] = useState(3);
  const [header, setHeader] = useState(true);
  return (
    <Dialog
      open={open}
      title={t.editor.tableTitle}
      onClose={onClose}
      testId="table-dialog"
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {t.common.cancel}
          </button>
          <button type="submit" form="table-form" className="button button-primary">
            {t.editor.insert}
          </button>
        </>
      }
    >
      <form
        id="table-form"
        className="form form-inline"
        onSubmit={(e) => {
          e.preventDefault();
          editor.chain().focus().insertTable({ rows, cols, withHeaderRow: header }).run();
          onClose();
        }}
      >
        <label className="field">
          <span>{t.editor.rows}</span>
          <input type="number" min={1} max={50} value={rows} onChange={(e) => setRows(Math.max(1, Math.min(50, Number(e.target.value) || 1)))} />
        </label>
        <label className="field">
          <span>{t.editor.columns}</span>
          <input type="number" min={1} max={12} value={cols} onChange={(e) => setCols(Math.max(1, Math.min(12, Number(e.target.value) || 1)))} />
        </label>
        <label className="check">
          <input type="checkbox" checked={header} onChange={(e) => setHeader(e.target.checked)} />
          {t.editor.headerRow}
        </label>
      </form>
    </Dialog>
  );
}

type TableCommand = { label: string; run: (e: Editor) => boolean; can: (e: Editor) => boolean; danger?: boolean };

const COMMANDS: TableCommand[] = [
  { label: t.editor.rowBefore, run: (e) => e.chain().focus().addRowBefore().run(), can: (e) => e.can().addRowBefore() },
  { label: t.editor.rowAfter, run: (e) => e.chain().focus().addRowAfter().run(), can: (e) => e.can().addRowAfter() },
  { label: t.editor.columnBefore, run: (e) => e.chain().focus().addColumnBefore().run(), can: (e) => e.can().addColumnBefore() },
  { label: t.editor.columnAfter, run: (e) => e.chain().focus().addColumnAfter().run(), can: (e) => e.can().addColumnAfter() },
  { label: t.editor.deleteRow, run: (e) => e.chain().focus().deleteRow().run(), can: (e) => e.can().deleteRow() },
  { label: t.editor.deleteColumn, run: (e) => e.chain().focus().deleteColumn().run(), can: (e) => e.can().deleteColumn() },
  { label: t.editor.toggleHeader, run: (e) => e.chain().focus().toggleHeaderRow().run(), can: (e) => e.can().toggleHeaderRow() },
  { label: t.editor.mergeCells, run: (e) => e.chain().focus().mergeCells().run(), can: (e) => e.can().mergeCells() },
  { label: t.editor.splitCell, run: (e) => e.chain().focus().splitCell().run(), can: (e) => e.can().splitCell() },
  { label: t.editor.deleteTable, run: (e) => e.chain().focus().deleteTable().run(), can: (e) => e.can().deleteTable(), danger: true },
];

/** The table operations, shown while the cursor is in a table. */
export function TableTools({ editor }: { editor: Editor }) {
  return (
    <div className="table-tools" role="group" aria-label={t.editor.tableTools}>
      {COMMANDS.map((c) => (
        <button key={c.label} type="button" className={`tool-text${c.danger ? " is-danger" : ""}`} disabled={!c.can(editor)} onMouseDown={(e) => e.preventDefault()} onClick={() => c.run(editor)}>
          {c.label}
        </button>
      ))}
    </div>
  );
}
