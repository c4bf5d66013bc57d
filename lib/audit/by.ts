import "server-only";
import { clientIpOf } from "@/lib/security/client-ip";
import { audit, type AuditInput } from "./log";

export interface AuditActor {
  id: number;
  email: string;
}

type Client = Parameters<typeof audit>[1];

/** IP and user agent of the current request; empty outside one (CLI, tests). */
export async function requestOrigin(): Promise<{ ip: string; userAgent: string }> {
  try {
    // Loaded on use: the app server's own bundle (the scheduler) shares modules that audit,
    // and next/headers exists only inside Next.js's runtime, where requests have headers.
    const { headers } = await import("next/headers");
    const h = await headers();
    // The same rule as the login throttle: the address the app server resolved from the socket, not one the client wrote.
    const ip = clientIpOf((name) => h.get(name));
    return { ip, userAgent: h.get("user-agent") ?? "" };
  } catch {
    return { ip: "", userAgent: "" };
  }
}

/**
 * An audit entry for something a logged-in user did: actor, their email at the time,
 * and where the request came from. Pass the transaction client so the entry commits
 * (or not) with the change it records.
 */
export async function auditBy(
  actor: AuditActor,
  entry: Omit<AuditInput, "actorId" | "actorLabel" | "ip" | "userAgent">,
  client?: Client,
): Promise<void> {
  const origin = await requestOrigin();
  await audit({ ...entry, actorId: actor.id, actorLabel: actor.email, ...origin }, client);
}
