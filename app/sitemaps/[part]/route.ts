import { renderPart, XML_HEADERS } from "@/lib/export/sitemap";

// Parts of a large sitemap (see lib/export/sitemap.ts); cached like /sitemap.xml.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ part: string }> }) {
  const match = /^([1-9]\d{0,3})\.xml$/.exec((await params).part);
  const xml = match ? await renderPart(Number(match[1])) : null;
  if (!xml) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(xml, { headers: XML_HEADERS });
}
