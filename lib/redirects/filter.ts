import { z } from "zod";

/** The redirect list's filters, read from the URL; anything malformed falls back to its default. */
export const redirectFilterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined).transform((q) => q || undefined),
  broken: z.literal("1").optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type RedirectFilter = z.output<typeof redirectFilterSchema>;

export function parseRedirectFilter(params: Record<string, string | string[] | undefined>): RedirectFilter {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return redirectFilterSchema.parse({ q: one(params.q), broken: one(params.broken), page: one(params.page) });
}

export function redirectQueryString(filter: RedirectFilter, page = filter.page): string {
  const params = new URLSearchParams();
  if (filter.q) params.set("q", filter.q);
  if (filter.broken) params.set("broken", "1");
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `?${s}` : "";
}
