import { beforeAll, describe, expect, it } from "vitest";
import { consumeRecoveryCode, generateRecoveryCodes, hashRecoveryCode, looksLikeRecoveryCode } from "./recovery-codes";
import { open, seal } from "./secret-box";
import { base32Decode, base32Encode, generateTotpSecret, hotp, otpauthUri, totpCode, verifyTotp } from "./totp";

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "unit-test-secret-unit-test-secret-0123456789";
});

// RFC 6238 appendix B (SHA-1, 8 digits, secret "12345678901234567890").
const RFC_SECRET = Buffer.from("12345678901234567890");
const RFC_VECTORS: [number, string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("TOTP (RFC 6238)", () => {
  it.each(RFC_VECTORS)("matches the RFC test vector at T=%i", (seconds, expected) => {
    expect(hotp(RFC_SECRET, Math.floor(seconds / 30), 8)).toBe(expected);
  });

  it("matches RFC 4226's HOTP vectors", () => {
    const expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
    expect(expected.map((_, counter) => hotp(RFC_SECRET, counter))).toEqual(expected);
  });

  it("round-trips base32", () => {
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(base32Decode("MZXW 6YTB OI").toString()).toBe("foobar");
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(secret))).toBe(secret);
  });

  it("accepts the current code and one step of drift, not more", () => {
    const secret = generateTotpSecret();
    const now = 1_800_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(verifyTotp(secret, totpCode(secret, now), now)).toBe(step);
    expect(verifyTotp(secret, totpCode(secret, now - 30_000), now)).toBe(step - 1);
    expect(verifyTotp(secret, totpCode(secret, now + 30_000), now)).toBe(step + 1);
    expect(verifyTotp(secret, totpCode(secret, now - 90_000), now)).toBeNull();
    expect(verifyTotp(secret, "12345", now)).toBeNull();
    expect(verifyTotp(secret, "abcdef", now)).toBeNull();
  });

  it("refuses a code whose step was already used (no replay)", () => {
    const secret = generateTotpSecret();
    const now = 1_800_000_000_000;
    const step = verifyTotp(secret, totpCode(secret, now), now)!;
    expect(verifyTotp(secret, totpCode(secret, now), now, step)).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, now + 30_000), now + 30_000, step)).toBe(step + 1);
  });

  it("builds the otpauth URI authenticator apps scan", () => {
    const uri = otpauthUri("JBSWY3DPEHPK3PXP", "li@gov.cn", "Gazette 内容管理");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Gazette%20%E5%86%85%E5%AE%B9%E7%AE%A1%E7%90%86%3Ali%40gov\.cn\?/);
    const params = new URL(uri).searchParams;
    expect(params.get("secret")).toBe("JBSWY3DPEHPK3PXP");
    expect(params.get("digits")).toBe("6");
    expect(params.get("period")).toBe("30");
  });
});

describe("secret box", () => {
  it("encrypts, authenticates and binds to its purpose", () => {
    const sealed = seal("JBSWY3DPEHPK3PXP", "totp");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(seal("JBSWY3DPEHPK3PXP", "totp")).not.toBe(sealed); // random IV
    expect(open(sealed, "totp")).toBe("JBSWY3DPEHPK3PXP");
    expect(open(sealed, "other")).toBeNull();
    const tampered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    expect(open(tampered, "totp")).toBeNull();
    expect(open("garbage", "totp")).toBeNull();
  });

  it("cannot be opened with another NEXTAUTH_SECRET", () => {
    const sealed = seal("secret", "totp");
    const saved = process.env.NEXTAUTH_SECRET;
    process.env.NEXTAUTH_SECRET = "another-secret-another-secret-0123456789abc";
    try {
      expect(open(sealed, "totp")).toBeNull();
    } finally {
      process.env.NEXTAUTH_SECRET = saved;
    }
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes of 50 random bits, stored hashed, each usable once", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const hashes = codes.map(hashRecoveryCode);
    expect(hashes.join()).not.toContain(codes[0].replace("-", ""));
    const left = consumeRecoveryCode(hashes, codes[3].toUpperCase().replace("-", " "));
    expect(left).toHaveLength(9);
    expect(consumeRecoveryCode(left!, codes[3])).toBeNull();
    expect(consumeRecoveryCode(hashes, "aaaaa-aaaaa")).toBeNull();
    expect(looksLikeRecoveryCode(codes[0])).toBe(true);
    expect(looksLikeRecoveryCode("123456")).toBe(false);
  });
});
