import { Prisma } from "./client";

/**
 * A unique constraint refused the write (Prisma P2002). Checking first and inserting
 * after is racy; this is the answer when two requests meet.
 */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  if (!field) return true;
  const target = (error.meta as { target?: unknown } | undefined)?.target;
  // Without a target (some driver adapters omit it) the caller's only unique field is meant.
  return target === undefined || (Array.isArray(target) ? target.includes(field) : String(target).includes(field));
}

/** The row to update or delete is gone (Prisma P2025). */
export function isRecordNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}
