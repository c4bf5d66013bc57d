import crypto from "node:crypto";

/**
 * Encryption at rest for small secrets kept in the database (the TOTP shared secrets):
 * AES-256-GCM with a key derived (HKDF-SHA256) from NEXTAUTH_SECRET, so a copy of the
 * database alone does not reveal them. Rotating NEXTAUTH_SECRET makes them unreadable:
 * users then set up two-factor login again (SECURITY.md says so).
 */
const VERSION = "v1";

export function deriveKey(purpose: string, secret = process.env.NEXTAUTH_SECRET): Buffer {
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return Buffer.from(crypto.hkdfSync("sha256", secret, "gazette", purpose, 32));
}

export function seal(plaintext: string, purpose: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", deriveKey(purpose), iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

/** The plaintext, or null when the box was sealed with another key or tampered with. */
export function open(sealed: string, purpose: string): string | null {
  const [version, payload] = sealed.split(":");
  if (version !== VERSION || !payload) return null;
  const raw = Buffer.from(payload, "base64url");
  if (raw.length < 28) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", deriveKey(purpose), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
