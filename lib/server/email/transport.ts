import "server-only";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { mailConfig, type MailConfig } from "./config";

/** One message as the dispatcher hands it to a transport. */
export type OutgoingMail = {
  key: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
};

export type MailSender = { send: (mail: OutgoingMail) => Promise<void>; describe: string };

/** A stable Message-ID per outbox key: a message sent twice (after a crash) is recognisably the same one. */
export function messageIdFor(key: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "rapport.localhost";
  return `<${crypto.createHash("sha256").update(key).digest("hex").slice(0, 40)}@${domain}>`;
}

const holder = globalThis as unknown as { __rapportMail?: { signature: string; sender: MailSender } };

/** The sender for the current environment (SMTP_URL, or .eml files), kept while the settings stay the same. */
export function mailSender(): MailSender {
  const config = mailConfig();
  const signature = JSON.stringify(config);
  if (holder.__rapportMail?.signature !== signature) holder.__rapportMail = { signature, sender: createSender(config) };
  return holder.__rapportMail.sender;
}

export function createSender(config: MailConfig): MailSender {
  const transport: Transporter =
    config.kind === "smtp"
      ? nodemailer.createTransport(config.url, { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 } as object)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    describe: config.kind === "smtp" ? `SMTP ${new URL(config.url).host}` : `files in ${config.dir}`,
    send: async (mail) => {
      const info = await transport.sendMail({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
        messageId: messageIdFor(mail.key, config.from),
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      if (config.kind === "files") {
        await fs.mkdir(config.dir, { recursive: true });
        const name = `${crypto.createHash("sha256").update(mail.key).digest("hex").slice(0, 16)}.eml`;
        const tmp = path.join(config.dir, `.${name}.tmp`);
        await fs.writeFile(tmp, (info as unknown as { message: Buffer }).message);
        await fs.rename(tmp, path.join(config.dir, name)); // the same key overwrites: one file per message
      }
    },
  };
}
