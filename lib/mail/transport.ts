import nodemailer from "nodemailer";
import { env, siteUrl } from "@/lib/env";

export interface MailEnvelope {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Is mail configured? Without SMTP_URL the 站内消息 alone are written. */
export function mailEnabled(): boolean {
  return Boolean(env().SMTP_URL);
}

/** MAIL_FROM, or "<site> <noreply@the site's host>". */
export function mailFrom(siteName: string): string | { name: string; address: string } {
  const configured = env().MAIL_FROM;
  if (configured) return configured;
  return { name: siteName, address: `noreply@${new URL(siteUrl()).hostname}` };
}

let cached: { url: string; transport: nodemailer.Transporter } | undefined;

/** One pooled transport per SMTP_URL (smtp://user:pass@host:587, smtps://… for TLS from the start). */
function transport(url: string): nodemailer.Transporter {
  if (cached?.url !== url) {
    cached?.transport.close();
    cached = { url, transport: nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) };
  }
  return cached.transport;
}

export async function sendMail(mail: MailEnvelope, from: ReturnType<typeof mailFrom>): Promise<void> {
  const url = env().SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set");
  await transport(url).sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
}
