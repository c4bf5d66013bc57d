"use client";

import { signOut } from "next-auth/react";

/**
 * Signs out and goes to `path` on the host the browser is on. next-auth would send the
 * browser to an absolute address built from NEXTAUTH_URL, which is another host for an
 * office that reaches the admin by an internal name or address.
 */
export async function signOutTo(path: string, go: (path: string) => void = (p) => window.location.assign(p)): Promise<void> {
  await signOut({ redirect: false });
  go(path);
}
