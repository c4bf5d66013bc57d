/**
 * { field: [before, after] } for the fields of `after` whose value differs from
 * `before`: what an update's audit entry records. Never pass secrets in either.
 */
export function changedFields<T extends object>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[String(key)] = [a ?? null, b ?? null];
  }
  return changes;
}
