/** The title as the public page shows it: 【tag】【tag】title. */
export function displayTitle(title: string, tags: readonly string[]): string {
  return tags.map((tag) => `【${tag}】`).join("") + title;
}
