import { db, Prisma } from "@/lib/db/client";
import type { AuditAction } from "./labels";

export interface AuditInput {
  actorId?: number | null;
  actorLabel?: string;
  /** A code of lib/audit/labels.ts: every action is shown in words. */
  action: AuditAction;
  targetType?: string;
  targetId?: string | number;
  ip?: string;
  userAgent?: string;
  /** Never secrets: no passwords, hashes, tokens. */
  detail?: Record<string, unknown>;
}

type Client = Pick<Prisma.TransactionClient, "auditEntry">;

/** Appends one audit entry (inside the caller's transaction when one is given). */
export async function audit(entry: AuditInput, client: Client = db()): Promise<void> {
  await client.auditEntry.create({
    data: {
      actorId: entry.actorId ?? null,
      actorLabel: entry.actorLabel ?? "",
      action: entry.action,
      targetType: entry.targetType ?? "",
      targetId: entry.targetId === undefined ? "" : String(entry.targetId),
      ip: (entry.ip ?? "").slice(0, 64),
      userAgent: (entry.userAgent ?? "").slice(0, 512),
      detail: (entry.detail ?? {}) as Prisma.InputJsonValue,
    },
  });
}
