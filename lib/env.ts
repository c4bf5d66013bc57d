import path from "node:path";
import { z } from "zod";
import { parseTrustedProxies } from "@/lib/security/client-ip";

/**
 * Every environment variable Gazette reads, parsed once. The README's configuration
 * table lists the same variables; keep both in step.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** An external PostgreSQL. Unset: the launcher starts an embedded one and sets it. */
  DATABASE_URL: z.string().url().optional(),
  /** With DATABASE_URL: the administrator's connection, for migrations, backup and restore (docs/deploy.md, "PostgreSQL roles"). */
  DATABASE_ADMIN_URL: z.string().url().optional(),
  /** Signs backups (HMAC-SHA256); restore then refuses archives not signed with it. Kept outside the archives. */
  BACKUP_KEY: z.string().min(32, "BACKUP_KEY must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional(),
  /** Where the embedded database, media, static snapshot and secrets live. */
  DATA_DIR: z.string().default("data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** Memory for the embedded PostgreSQL (MB): its buffers and planner settings (lib/db/memory.ts). Unset: PostgreSQL's defaults. */
  EMBEDDED_PG_MEMORY_MB: z.coerce.number().int().min(256).optional(),
  /** The public base URL, for canonical links, sitemaps and feeds. */
  SITE_URL: z.string().url().optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /** Generated on first start and kept in $DATA_DIR/nextauth-secret when unset. */
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(12).optional(),
  /** IANA time zone in which dates are shown. */
  DISPLAY_TIME_ZONE: z.string().default("Asia/Shanghai"),
  /** The hour (0–23, in DISPLAY_TIME_ZONE) from which the daily 站点体检 runs (lib/health/start.ts). */
  HEALTH_CHECK_HOUR: z.coerce.number().int().min(0).max(23).default(3),
  /**
   * Reverse proxies whose X-Forwarded-For is believed (comma-separated addresses and
   * CIDR ranges). Any other peer is the client itself, whatever it sends.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("127.0.0.1/8,::1")
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  /**
   * Mail for the 站内消息: smtp://user:password@host:587 (STARTTLS when offered) or
   * smtps://…:465. Unset: messages are shown in the admin only.
   */
  SMTP_URL: z.string().url().optional(),
  /** The sender of that mail, e.g. "某某市人民政府网站 <noreply@example.gov.cn>". Default: the site name at noreply@ the SITE_URL host. */
  MAIL_FROM: z.string().min(3).optional(),
  /** A CJK font (TTF, OTF or TTC) for the 审签单 PDF. Debian's fonts-noto-cjk provides the default. */
  PDF_FONT_PATH: z.string().default("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"),
  /** Set behind an HTTPS reverse proxy: Secure cookies and HSTS. */
  SECURE_COOKIES: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
      throw new Error(`Invalid environment:\n${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** $DATA_DIR resolved against the working directory. */
export function dataDir(...parts: string[]): string {
  // DATA_DIR is chosen at run time; it holds data, not code to trace into the build.
  // An absolute DATA_DIR stays as it is; a relative one is taken from the working directory.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env().DATA_DIR, ...parts);
}

export function siteUrl(): string {
  const e = env();
  return (e.SITE_URL ?? e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
}
