"use client";

import { t } from "@/lib/i18n/zh-CN";
import { unlockUserAction } from "@/lib/users/actions";
import { GovFormStatus, useGovernanceAction } from "./governance-form";
import { fill } from "./governance-text";

const L = t.adminUsers;

/** A login lock (too many failed logins) and the button that lifts it; the outcome stays readable after the refresh. */
export function GovernanceUserUnlock({ user }: { user: { id: number; lockedUntil: string | null } }) {
  const unlock = useGovernanceAction(unlockUserAction);
  if (!user.lockedUntil && !unlock.message && !unlock.error) return null;
  return (
    <div>
      <h3>{L.unlock}</h3>
      {user.lockedUntil && <p className="field-hint">{fill(L.unlockHint, { time: user.lockedUntil })}</p>}
      <GovFormStatus error={unlock.error} message={unlock.message} testId="user-unlock" />
      {user.lockedUntil && (
        <div className="button-row">
          <button type="button" className="button" onClick={() => void unlock.run({ id: user.id }, { success: L.unlocked })} disabled={unlock.pending}>
            {L.unlock}
          </button>
        </div>
      )}
    </div>
  );
}
