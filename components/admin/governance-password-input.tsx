"use client";

import { useState } from "react";

/** A password field with a show / hide switch: an admin typing an initial password for someone else wants to check it. */
export function GovernancePasswordInput(props: React.InputHTMLAttributes<HTMLInputElement> & { id: string }) {
  const [visible, setVisible] = useState(false);
  return (
    <span className="gov-password">
      <input {...props} type={visible ? "text" : "password"} autoComplete="new-password" spellCheck={false} maxLength={128} />
      <button type="button" className="button button-small" aria-pressed={visible} aria-controls={props.id} onClick={() => setVisible((v) => !v)}>
        {visible ? "隐藏" : "显示"}
      </button>
    </span>
  );
}
