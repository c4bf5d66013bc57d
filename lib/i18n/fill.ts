/** Fills "{name}" placeholders in a UI string: fill("共 {n} 篇", { n: 3 }) → "共 3 篇". */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
