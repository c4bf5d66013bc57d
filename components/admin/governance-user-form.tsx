"use client";

import Link from "@/components/admin/link";
import { useState } from "react";
import { t } from "@/lib/i18n/zh-CN";
import { createUserAction, updateUserAction } from "@/lib/users/actions";
import type { ColumnOption } from "@/lib/columns/admin-queries";
import type { Role } from "@/lib/db/client";
import { GovernanceColumnPicker } from "./governance-column-picker";
import { GovField, GovFormStatus, useGovernanceAction } from "./governance-form";
import { GovernancePasswordInput } from "./governance-password-input";

const L = t.adminUsers;
const ROLES: Role[] = ["EDITOR", "REVIEWER", "ADMIN"];

export interface UserFormValues {
  id: number;
  email: string;
  name: string;
  role: Role;
  columnIds: number[];
}

/** New user (email, name, role, columns, initial password) or an existing one's name, role and columns. */
export function GovernanceUserForm({ user, columns, isSelf = false }: { user?: UserFormValues; columns: ColumnOption[]; isSelf?: boolean }) {
  const create = useGovernanceAction(createUserAction);
  const update = useGovernanceAction(updateUserAction);
  const { pending, error, message, fieldErrors } = user ? update : create;
  const [role, setRole] = useState<Role>(user?.role ?? "EDITOR");
  const [columnIds, setColumnIds] = useState<number[]>(user?.columnIds ?? []);
  const [created, setCreated] = useState<{ id: number; email: string; generatedPassword: string | null } | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const common = { name: String(form.get("name") ?? ""), role, columnIds };
    if (user) {
      await update.run({ id: user.id, ...common }, { success: t.adminCommon.saved });
      return;
    }
    const email = String(form.get("email") ?? "");
    const formElement = event.currentTarget;
    await create.run(
      { ...common, email, password: String(form.get("password") ?? "") },
      {
        success: L.created,
        onSuccess: (data) => {
          setCreated({ ...data, email: email.trim().toLowerCase() });
          formElement.reset();
          setRole("EDITOR");
          setColumnIds([]);
        },
      },
    );
  }

  return (
    <form className="form gov-form" onSubmit={onSubmit} noValidate>
      {created && (
        <div className="gov-notice" data-testid="user-created">
          <p>
            {L.created} <Link href={`/admin/users/${created.id}`}>{created.email}</Link>
          </p>
          {created.generatedPassword && (
            <p>
              {L.generatedPassword}
              <code className="gov-secret">{created.generatedPassword}</code>
            </p>
          )}
        </div>
      )}
      {user ? (
        <p className="gov-readonly">
          <span>{L.email}</span> <strong>{user.email}</strong>
        </p>
      ) : (
        <GovField id="user-email" label={L.email} errors={fieldErrors.email} required>
          {(p) => <input {...p} name="email" type="email" autoComplete="off" maxLength={254} required />}
        </GovField>
      )}
      <GovField id="user-name" label={L.name} errors={fieldErrors.name} required>
        {(p) => <input {...p} name="name" defaultValue={user?.name} maxLength={50} required autoComplete="off" />}
      </GovField>
      <fieldset className="gov-fieldset" disabled={isSelf} aria-describedby={isSelf ? "role-self-note" : undefined}>
        <legend>{L.role}</legend>
        {ROLES.map((r) => (
          <label key={r} className="gov-choice">
            <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
            <span>
              <strong>{L[`role_${r}`]}</strong>
              <span className="field-hint">{L[`roleHint_${r}`]}</span>
            </span>
          </label>
        ))}
        {isSelf && (
          <p className="field-hint" id="role-self-note">
            {L.selfNote}
          </p>
        )}
        {fieldErrors.role && <span className="field-error">{fieldErrors.role.join(" ")}</span>}
      </fieldset>
      <GovernanceColumnPicker columns={columns} selected={columnIds} onChange={setColumnIds} errors={fieldErrors.columnIds} dimmed={role === "ADMIN"} />
      {!user && (
        <GovField id="user-password" label={`${L.initialPassword}（${t.adminCommon.optional}）`} hint={L.initialPasswordHint} errors={fieldErrors.password}>
          {(p) => <GovernancePasswordInput {...p} name="password" />}
        </GovField>
      )}
      <GovFormStatus error={error} message={created ? "" : message} testId="user-form" />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t.adminCommon.saving : user ? t.common.save : L.newUser}
        </button>
        <Link href="/admin/users" className="button">
          {t.adminCommon.back}
        </Link>
      </div>
    </form>
  );
}
