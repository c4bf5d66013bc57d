import net from "node:net";
import { SMTPServer } from "smtp-server";

/**
 * A local SMTP server on 127.0.0.1 for the mail tests: it records every delivered mail
 * (envelope and decoded subject and bodies), or refuses every mail with a temporary
 * error while `refuse` is set. No TLS and no login: the test's transport speaks plain SMTP.
 */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  raw: string;
}

export interface TestSmtpServer {
  port: number;
  received: ReceivedMail[];
  refuse: boolean;
  close(): Promise<void>;
}

export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
  const state: TestSmtpServer = { port, received: [], refuse: false, close: async () => {} };
  const server = new SMTPServer({
    disabledCommands: ["AUTH", "STARTTLS"],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (state.refuse) return callback(Object.assign(new Error("451 Mailbox temporarily unavailable"), { responseCode: 451 }));
        const raw = Buffer.concat(chunks).toString("utf8");
        state.received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          ...decodeMail(raw),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  state.port = (server.server.address() as net.AddressInfo).port;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

/** A port nothing listens on now (for a server that is "down", then started there). */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toLowerCase() === "b" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
  );
}

function decodeQuotedPrintable(value: string): string {
  const bytes = value.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, "%25"));
}

function header(block: string, name: string): string {
  const unfolded = block.replace(/\r?\n[ \t]+/g, " ");
  return new RegExp(`^${name}:\\s*(.*)$`, "im").exec(unfolded)?.[1] ?? "";
}

/** Subject and the text and HTML parts of a mail as nodemailer writes it (multipart/alternative). */
function decodeMail(raw: string): { subject: string; text: string; html: string } {
  const [head] = raw.split(/\r?\n\r?\n/);
  const parts: Record<string, string> = {};
  for (const part of raw.split(/\r?\n--[^\r\n]+/)) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const partHead = part.slice(0, split);
    const body = part.slice(split).trim();
    const type = /text\/(plain|html)/i.exec(header(partHead, "Content-Type"))?.[1]?.toLowerCase();
    if (!type) continue;
    const encoding = header(partHead, "Content-Transfer-Encoding").toLowerCase();
    parts[type] = encoding === "base64" ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8") : encoding === "quoted-printable" ? decodeQuotedPrintable(body) : body;
  }
  return { subject: decodeWords(header(head, "Subject")), text: parts.plain ?? "", html: parts.html ?? "" };
}
