import crypto from "node:crypto";
import { deriveKey } from "./secret-box";

/**
 * Recovery codes for two-factor login: ten single-use codes shown once, stored only as
 * keyed hashes (HMAC-SHA256 with a key derived from NEXTAUTH_SECRET). Each code carries
 * 50 random bits, and a wrong code counts as a failed login like a wrong password.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i
const PURPOSE = "recovery-code";

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function hashRecoveryCode(code: string): string {
  return crypto.createHmac("sha256", deriveKey(PURPOSE)).update(normalizeRecoveryCode(code)).digest("base64url");
}

/** The stored hashes minus the one the code matches, or null when it matches none. */
export function consumeRecoveryCode(hashes: readonly string[], code: string): string[] | null {
  if (normalizeRecoveryCode(code).length !== 10) return null;
  const candidate = Buffer.from(hashRecoveryCode(code));
  let matched = -1;
  hashes.forEach((hash, index) => {
    const stored = Buffer.from(hash);
    if (stored.length === candidate.length && crypto.timingSafeEqual(stored, candidate) && matched < 0) matched = index;
  });
  return matched < 0 ? null : hashes.filter((_, index) => index !== matched);
}

/** Does the input look like a recovery code rather than a 6-digit TOTP code? */
export function looksLikeRecoveryCode(code: string): boolean {
  return normalizeRecoveryCode(code).length === 10;
}
