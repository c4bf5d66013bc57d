"use client";

import { t } from "@/lib/i18n/zh-CN";
import { updateSettingsAction } from "@/lib/settings/actions";
import type { SettingsInput } from "@/lib/settings/schema";
import { GovField, GovFormStatus, useGovernanceAction } from "./governance-form";

const L = t.adminSettings;

type TextKey = Exclude<keyof SettingsInput, "showPartyGovBadge" | "require2faForStaff" | "remoteImageHosts" | "checkExternalLinks" | "indexNoPattern">;

const FOOTER: { key: TextKey; hint?: string; maxLength: number; mono?: boolean; wide?: boolean }[] = [
  { key: "host", maxLength: 100 },
  { key: "maintainer", maxLength: 100 },
  { key: "address", maxLength: 200, wide: true },
  { key: "postcode", hint: L.postcodeHint, maxLength: 6, mono: true },
  { key: "phone", hint: L.phoneHint, maxLength: 24, mono: true },
  { key: "psbFiling", hint: L.psbFilingHint, maxLength: 40 },
  { key: "icpFiling", hint: L.icpFilingHint, maxLength: 40 },
  { key: "siteCode", hint: L.siteCodeHint, maxLength: 10, mono: true },
];

/** A switch with the hint that says what it does (read out with it). */
function SettingSwitch({ name, checked, label, hintId, children }: { name: string; checked: boolean; label: string; hintId: string; children: React.ReactNode }) {
  return (
    <>
      <label className="gov-check">
        <input type="checkbox" name={name} defaultChecked={checked} aria-describedby={hintId} />
        {label}
      </label>
      <p className="field-hint" id={hintId}>
        {children}
      </p>
    </>
  );
}

/** Every text field and switch of the site settings in one form; the logo has its own. */
export function GovernanceSettingsForm({ settings, adminHas2fa }: { settings: SettingsInput; adminHas2fa: boolean }) {
  const { run, pending, error, message, fieldErrors } = useGovernanceAction(updateSettingsAction);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (key: TextKey) => String(form.get(key) ?? "");
    await run(
      {
        siteName: text("siteName"),
        host: text("host"),
        maintainer: text("maintainer"),
        address: text("address"),
        postcode: text("postcode"),
        phone: text("phone"),
        psbFiling: text("psbFiling"),
        icpFiling: text("icpFiling"),
        siteCode: text("siteCode"),
        copyright: text("copyright"),
        showPartyGovBadge: form.get("showPartyGovBadge") === "on",
        require2faForStaff: form.get("require2faForStaff") === "on",
        remoteImageHosts: String(form.get("remoteImageHosts") ?? ""),
        checkExternalLinks: form.get("checkExternalLinks") === "on",
        indexNoPattern: String(form.get("indexNoPattern") ?? ""),
      },
      { success: L.saved },
    );
  }

  const required = new Set<TextKey>(["siteName", "host"]);
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={L.title}>
      <section className="gov-card">
        <h2>{L.basics}</h2>
        <GovField id="settings-siteName" label={L.siteName} errors={fieldErrors.siteName} required>
          {(p) => <input {...p} name="siteName" defaultValue={settings.siteName} maxLength={50} required />}
        </GovField>
        <GovField id="settings-indexNoPattern" label={L.indexNoPattern} hint={L.indexNoPatternHint} errors={fieldErrors.indexNoPattern}>
          {(p) => <input {...p} name="indexNoPattern" defaultValue={settings.indexNoPattern} maxLength={60} className="gov-mono" spellCheck={false} />}
        </GovField>
      </section>
      <section className="gov-card">
        <h2>{L.footer}</h2>
        <div className="gov-grid">
          {FOOTER.map((f) => (
            <GovField
              key={f.key}
              id={`settings-${f.key}`}
              label={L[f.key]}
              hint={f.hint}
              errors={fieldErrors[f.key]}
              required={required.has(f.key)}
              className={f.wide ? "gov-span-all" : undefined}
            >
              {(p) => <input {...p} name={f.key} defaultValue={settings[f.key]} maxLength={f.maxLength} className={f.mono ? "gov-mono" : undefined} spellCheck={false} />}
            </GovField>
          ))}
        </div>
        <GovField id="settings-copyright" label={L.copyright} errors={fieldErrors.copyright}>
          {(p) => <textarea {...p} name="copyright" defaultValue={settings.copyright} maxLength={200} rows={2} />}
        </GovField>
        <label className="gov-check">
          <input type="checkbox" name="showPartyGovBadge" defaultChecked={settings.showPartyGovBadge} />
          {L.showPartyGovBadge}
        </label>
      </section>
      <section className="gov-card">
        <h2>{L.security}</h2>
        <SettingSwitch name="require2faForStaff" checked={settings.require2faForStaff} label={L.require2faForStaff} hintId="settings-2fa-hint">
          {L.require2faHint}
          {!adminHas2fa && ` ${L.require2faSelfWarning}`}
        </SettingSwitch>
        <GovField id="settings-remoteImageHosts" label={L.remoteImageHosts} hint={L.remoteImageHostsHint} errors={fieldErrors.remoteImageHosts}>
          {(p) => <textarea {...p} name="remoteImageHosts" defaultValue={settings.remoteImageHosts} rows={3} maxLength={2000} className="gov-mono" spellCheck={false} />}
        </GovField>
        <SettingSwitch name="checkExternalLinks" checked={settings.checkExternalLinks} label={L.checkExternalLinks} hintId="settings-external-hint">
          {L.checkExternalLinksHint}
        </SettingSwitch>
      </section>
      <GovFormStatus error={error} message={message} testId="settings" />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t.adminCommon.saving : t.common.save}
        </button>
      </div>
    </form>
  );
}
