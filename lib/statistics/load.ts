import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { parseStatisticsFilter } from "./filters";
import { columnsInScope } from "./queries";
import { statisticsScopeOf } from "./scope";
import { statisticsTables } from "./tables";

type Params = Record<string, string | string[] | undefined>;

/** Everything the statistics page and its downloads show for an address and a user. */
export async function loadStatistics(user: Pick<SessionUser, "role" | "columnIds">, params: Params, now: Date = new Date()) {
  const { filter, problems } = parseStatisticsFilter(params, now);
  const scope = statisticsScopeOf(user);
  const columns = await columnsInScope(scope);
  const names = new Map(columns.map((c) => [c.id, c.name]));
  const result = await statisticsTables(filter, scope, (id) => names.get(id) ?? null);
  return { filter, columns, tables: result.tables, problems: [...problems, ...result.problems] };
}
