"use client";

import { useState } from "react";
import { GovFormStatus, useGovernanceAction } from "@/components/admin/governance-form";
import { setMessageMailAction } from "@/lib/messages/actions";
import { MESSAGE_TEXT as L } from "@/lib/messages/text";

/** The per-user opt-out of the 站内消息's mail; the messages themselves are always kept. */
export function MessageMailForm({ messageMail, smtpConfigured }: { messageMail: boolean; smtpConfigured: boolean }) {
  const [checked, setChecked] = useState(messageMail);
  const save = useGovernanceAction(setMessageMailAction);
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        void save.run({ messageMail: checked }, { success: L.optOutSaved });
      }}
    >
      <label>
        <input type="checkbox" name="messageMail" checked={checked} onChange={(e) => setChecked(e.target.checked)} aria-describedby="message-mail-hint" />{" "}
        {L.optOutLabel}
      </label>
      <p className="field-hint" id="message-mail-hint">
        {smtpConfigured ? L.optOutHint : L.optOutNoSmtp}
      </p>
      <GovFormStatus error={save.error} message={save.message} testId="message-mail" />
      <div className="button-row">
        <button type="submit" className="button" disabled={save.pending}>
          {L.optOutSave}
        </button>
      </div>
    </form>
  );
}
