"use client";

import { useRef, useState } from "react";
import { t } from "@/lib/i18n/zh-CN";
import { removeLogoAction, uploadLogoAction } from "@/lib/settings/actions";
import { LOGO_MAX_BYTES } from "@/lib/settings/schema";
import { GovFormStatus, useGovernanceAction } from "./governance-form";

const L = t.adminSettings;

/** Upload or remove the site logo. The server decides by the bytes; the size is checked here first to spare a refused 2 MB upload. */
export function GovernanceLogoForm({ logo }: { logo: { src: string; width: number | null; height: number | null } | null }) {
  const upload = useGovernanceAction(uploadLogoAction);
  const remove = useGovernanceAction(removeLogoAction);
  const input = useRef<HTMLInputElement>(null);
  const [localError, setLocalError] = useState("");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    remove.clear();
    const file = input.current?.files?.[0];
    if (!file) return setLocalError("请选择图片文件。");
    if (file.size > LOGO_MAX_BYTES) return setLocalError("标志图片不能超过 1.5 MB，请压缩后再上传。");
    setLocalError("");
    const form = new FormData();
    form.set("logo", file);
    const formElement = event.currentTarget;
    await upload.run(form, { success: L.logoSaved, onSuccess: () => formElement.reset() });
  }

  async function onRemove() {
    upload.clear();
    setLocalError("");
    await remove.run({}, { success: L.logoRemoved });
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={L.logo}>
      <div className="gov-logo-preview" data-testid="logo-preview">
        {logo ? (
          // eslint-disable-next-line @next/next/no-img-element -- a media-library rendition, already sized and served by /media
          <img src={logo.src} alt={L.logo} width={logo.width ?? undefined} height={logo.height ?? undefined} />
        ) : (
          <span className="muted">{L.logoNone}</span>
        )}
      </div>
      <div className="field">
        <label htmlFor="settings-logo">{L.chooseLogo}</label>
        <input
          ref={input}
          id="settings-logo"
          name="logo"
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          aria-describedby="settings-logo-hint"
          aria-invalid={localError || upload.error ? true : undefined}
        />
        <span className="field-hint" id="settings-logo-hint">
          {L.logoHint}
        </span>
      </div>
      <GovFormStatus error={localError || upload.error || remove.error} message={upload.message || remove.message} testId="logo" />
      <div className="button-row">
        <button type="submit" className="button" disabled={upload.pending}>
          {upload.pending ? L.uploading : L.uploadLogo}
        </button>
        {logo && (
          <button type="button" className="button button-danger" onClick={onRemove} disabled={remove.pending}>
            {L.removeLogo}
          </button>
        )}
      </div>
    </form>
  );
}
