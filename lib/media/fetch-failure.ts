import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";
import type { SafeFetchResult } from "@/lib/net/safe-fetch";
import { MAX_IMAGE_BYTES } from "./sniff";

const R = t.remoteImages;

/** Why a file could not be fetched, in words (zh-CN): for the editor's pictures and the site import's. */
export function failureReason(result: Extract<SafeFetchResult, { ok: false }>): string {
  if (result.reason === "http-status") {
    const status = result.status ?? 0;
    const template = status === 401 || status === 403 ? R.refused : status === 404 || status === 410 ? R.notFound : R.serverError;
    return fill(template, { status });
  }
  if (result.reason === "too-large") return fill(R.tooLarge, { mb: MAX_IMAGE_BYTES / 1024 / 1024 });
  return R[result.reason];
}
