import type { UploadedMedia } from "@/lib/media/upload";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";

/** A failed upload: `retryable` when the network or the server failed, not the file. */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "UploadError";
  }
}

/** Uploads one file to the media endpoint (which checks it by content). */
export async function uploadFile(file: Blob, name: string, purpose: "image" | "attachment", alt = ""): Promise<UploadedMedia> {
  const form = new FormData();
  form.set("file", file, name);
  form.set("purpose", purpose);
  form.set("alt", alt);
  let response: Response;
  try {
    response = await fetch("/api/media", { method: "POST", body: form, credentials: "same-origin" });
  } catch {
    throw new UploadError(t.editor.networkDown, true);
  }
  let body: { ok?: boolean; data?: UploadedMedia; error?: string } = {};
  try {
    body = await response.json();
  } catch {
    // A proxy's error page, not our JSON.
  }
  if (response.ok && body.ok && body.data) return body.data;
  const retryable = response.status >= 500 || response.status === 429;
  throw new UploadError(body.error ?? (response.status === 413 ? t.editor.fileTooLarge : fill(t.editor.uploadStatus, { status: response.status })), retryable);
}
