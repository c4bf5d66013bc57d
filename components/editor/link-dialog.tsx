"use client";

import type { Editor } from "@tiptap/core";
import { useState } from "react";
import { isAllowedHref } from "./extensions";
import { Dialog } from "./dialog";

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
      setError("链接只能是 http://、https://、mailto: 开头的地址，或以 / 开头的站内地址。");
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
      title={hasLink ? "编辑链接" : "插入链接"}
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
              移除链接
            </button>
          )}
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            取消
          </button>
          <button type="submit" form="link-form" className="button button-primary">
            确定
          </button>
        </>
      }
    >
      <form id="link-form" className="form" onSubmit={apply}>
        <label className="field">
          <span>链接地址</span>
          <input
            autoFocus
            value={href}
            onChange={(e) => {
              setHref(e.target.value);
              setError("");
            }}
            placeholder="https://www.gov.cn/ 或 /articles/12"
            aria-invalid={!!error}
            aria-describedby="link-error"
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={newWindow} onChange={(e) => setNewWindow(e.target.checked)} />
          在新窗口打开
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
