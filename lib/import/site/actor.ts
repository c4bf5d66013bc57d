import { db } from "@/lib/db/client";
import type { ImportActor } from "./run";

/**
 * The administrator named by `--as`: by email or by name, enabled, and an ADMIN — the
 * import publishes without review and creates columns, which only an administrator may.
 */
export async function findImportActor(who: string): Promise<ImportActor> {
  const users = await db().user.findMany({ where: { OR: [{ email: who.toLowerCase() }, { email: who }, { name: who }] }, select: { id: true, email: true, role: true, disabled: true } });
  if (users.length === 0) throw new Error(`没有名为“${who}”的用户（--as 写用户的邮箱或姓名）`);
  if (users.length > 1) throw new Error(`有多个用户叫“${who}”，请用邮箱指定`);
  const [user] = users;
  if (user.disabled) throw new Error(`用户“${who}”已停用`);
  if (user.role !== "ADMIN") throw new Error(`用户“${who}”不是管理员：只有管理员可以导入网站`);
  return { id: user.id, email: user.email, role: "ADMIN", columnIds: [] };
}
