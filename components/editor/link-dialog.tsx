"use client";

import type { Editor } from "@tiptap/core";
import { useState } from "react";
import { isAllowedHref } from "./extensions";
import { Dialog } from "./dialog";
import { t } from "@/lib/i18n/zh-CN";

/** Links editors may make: http(s), mailto and site-relative; optionally in a new window. */
export function LinkDialog({ editor, open, onClose }: { editor: Editor; open: boolean; onClose: () => void }) {
  return open ? <LinkForm editor={editor} onClose={onClose} /> : null;
}

function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const current = editor.getAttributes("link");
  const [href, setHref] = useState<string>(current.href ?? "");
  const [newWindow, setNewWindow] = useState(current.target === "_blank");
  const [error, setError] = useState("");
  const hasLink = !!current.href;

  function apply(e: React.FormEvent) {
    e.preventDefault();
    // Spaces are the one thing people paste into URLs by accident.
    const value = href.trim().replace(/ /g, "%20");
    const normalised = /^www\./i.test(value) ? `https://${value}` : value;
    if (!isAllowedHref(normalised)) {
      setError(t.editor.linkInvalid);
      return;
    }
    const chain = editor.chain().focus().extendMarkRange("link");
    const attrs = { href: normalised, target: newWindow ? "_blank" : null };
    if (editor.state.selection.empty && !hasLink) {
      chain.insertContent({ type: "text", text: normalised, marks: [{ type: "link", attrs }] }).run();
    } else {
      chain.setLink(attrs).run();
    }
    onClose();
  }

  return (
    <Dialog
      open
      title={hasLink ? t.editor.editLink : t.editor.insertLink}
      onClose={onClose}
      testId="link-dialog"
      footer={
        <>
          {hasLink && (
            <button
              type="button"
              className="button button-danger"
              onClick={() => {
                editor.chain().focus().extendMarkRange("link").unsetLink().run();
                onClose();
              }}
            >
              {t.editor.removeLink}
            </button>
          )}
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {t.common.cancel}
          </button>
          <button type="submit" form="link-form" className="button button-primary">
            {t.editor.ok}
          </button>
        </>
      }
    >
      <form id="link-form" className="form" onSubmit={apply}>
        <label className="field">
          <span>{t.editor.linkAddress}</span>
          <input
            data-autofocus
            value={href}
            onChange={(e) => {
              setHref(e.target.value);
              setError("");
            }}
            placeholder={t.editor.linkPlaceholder}
            aria-invalid={!!error}
            aria-describedby="link-error"
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={newWindow} onChange={(e) => setNewWindow(e.target.checked)} />
          {t.editor.newWindow}
        </label>
        {error && (
          <p id="link-error" className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
