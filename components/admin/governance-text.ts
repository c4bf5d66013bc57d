/** Replaces {name} placeholders in a UI string from lib/i18n (server and client components alike). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}
