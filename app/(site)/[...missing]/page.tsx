import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { t } from "@/lib/i18n/zh-CN";

// Any other address: the site's own 404 page, inside the site layout (header, footer,
// search), rather than the framework's bare one. Rendered per request: unknown URLs
// must not fill the page cache.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: t.common.notFound, robots: { index: false } };

export default function Missing() {
  notFound();
}
