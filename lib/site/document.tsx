import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { SiteChrome } from "@/components/site/site-chrome";
import { siteUrl } from "@/lib/env";
import { t } from "@/lib/i18n/zh-CN";
import { EARLY_PREFS_SCRIPT } from "@/lib/security/reader-prefs.mjs";
import { SITE_ICON_PATH, SITE_STYLE_PATH, siteAssetUrl } from "./assets";
import type { DocumentHead, SiteFrame } from "./page";

const absolute = (base: string, path: string) => new URL(path, `${base}/`).toString();

/** The <head>: what the page asks for (DocumentHead) and the site's own parts, as Next.js's metadata used to write them. */
function Head({ head, frame, base }: { head: DocumentHead; frame: SiteFrame; base: string }) {
  const siteName = frame.settings.siteName;
  const title = head.title ? `${head.title} - ${siteName}` : siteName;
  const og = head.openGraph ?? {};
  const ogTitle = og.title ?? head.title ?? siteName;
  const ogDescription = og.description ?? head.description;
  const feeds = [{ href: "/feed.xml", title: siteName }, ...(head.feeds ?? [])];
  return (
    <head>
      <meta charSet="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      <meta name="description" content={head.description ?? t.site.siteDescription.replace("{site}", siteName)} />
      {head.robots && <meta name="robots" content={head.robots} />}
      {head.canonical && <link rel="canonical" href={absolute(base, head.canonical)} />}
      {feeds.map((feed) => (
        <link key={feed.href} rel="alternate" type="application/rss+xml" title={feed.title} href={absolute(base, feed.href)} />
      ))}
      <meta name="format-detection" content="telephone=no, address=no, email=no" />
      <meta property="og:title" content={ogTitle} />
      {ogDescription && <meta property="og:description" content={ogDescription} />}
      {og.url && <meta property="og:url" content={absolute(base, og.url)} />}
      <meta property="og:site_name" content={siteName} />
      <meta property="og:locale" content="zh_CN" />
      {og.image && <meta property="og:image" content={absolute(base, og.image.url)} />}
      {og.image?.alt && <meta property="og:image:alt" content={og.image.alt} />}
      <meta property="og:type" content={og.type ?? "website"} />
      {og.publishedTime && <meta property="article:published_time" content={og.publishedTime} />}
      {og.modifiedTime && <meta property="article:modified_time" content={og.modifiedTime} />}
      {og.authors?.map((author) => <meta key={author} property="article:author" content={author} />)}
      {og.section && <meta property="article:section" content={og.section} />}
      {/* As Next.js's metadata filled them in from Open Graph. */}
      <meta name="twitter:card" content={og.image ? "summary_large_image" : "summary"} />
      <meta name="twitter:title" content={ogTitle} />
      {ogDescription && <meta name="twitter:description" content={ogDescription} />}
      {og.image && <meta name="twitter:image" content={absolute(base, og.image.url)} />}
      <link rel="icon" href={SITE_ICON_PATH} type="image/svg+xml" sizes="any" />
      <link rel="stylesheet" href={siteAssetUrl(SITE_STYLE_PATH)} />
      {/* The reader's stored preferences, applied before the first paint (allowed by its hash in every CSP). */}
      <script dangerouslySetInnerHTML={{ __html: EARLY_PREFS_SCRIPT }} />
    </head>
  );
}

/**
 * A public page as one HTML document: no framework runtime, no hydration — one style
 * sheet, the preferences snippet and the site script are all it loads.
 */
export function renderDocument(frame: SiteFrame, head: DocumentHead, content: ReactNode): string {
  const document = (
    <Document frame={frame} head={head} base={siteUrl()}>
      {content}
    </Document>
  );
  return "<!DOCTYPE html>" + renderToStaticMarkup(document);
}

/** The whole <html> element (renderDocument renders it). */
export function Document({ frame, head, base, children }: { frame: SiteFrame; head: DocumentHead; base: string; children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <Head head={head} frame={frame} base={base} />
      <body>
        <SiteChrome frame={frame} siteUrl={base}>
          {children}
        </SiteChrome>
      </body>
    </html>
  );
}
