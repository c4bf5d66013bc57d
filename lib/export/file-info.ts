import { t } from "@/lib/i18n/zh-CN";

/** How attachment types and sizes read to the public (附件: 名称（PDF，1.2 MB）). */
const TYPE_LABELS: [RegExp, string][] = [
  [/pdf$/, "PDF"],
  [/msword$|wordprocessingml/, "Word"],
  [/ms-excel$|spreadsheetml/, "Excel"],
  [/ms-powerpoint$|presentationml/, "PowerPoint"],
  [/ms-works$|wps/, "WPS"],
  [/ofd$/, "OFD"],
  [/zip$|rar|7z/, t.site.fileArchive],
  [/^image\//, t.site.fileImage],
  [/^text\/plain$/, t.site.fileText],
];

export function fileTypeLabel(mimeType: string, name = ""): string {
  const found = TYPE_LABELS.find(([pattern]) => pattern.test(mimeType.toLowerCase()));
  if (found) return found[1];
  const ext = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1];
  return ext ? ext.toUpperCase() : t.site.fileOther;
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
