import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";

/** Where the e2e server's test SMTP server keeps what it receives (tests/e2e/support/start-server.mjs). */
const INBOX = path.resolve(".data-e2e", "smtp-inbox");

export type ReceivedMail = { to: string; subject: string; text: string; headers: Map<string, unknown> };

/**
 * The newest message to `to` whose subject matches, waiting for the app's job worker to deliver
 * it (it sends the outbox every few seconds). Throws after `timeoutMs`.
 */
export async function waitForMail(to: string, subject: RegExp, timeoutMs = 45_000): Promise<ReceivedMail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const names = fs.existsSync(INBOX) ? fs.readdirSync(INBOX).filter((n) => n.endsWith(".eml")).sort().reverse() : [];
    for (const name of names) {
      const mail = await simpleParser(fs.readFileSync(path.join(INBOX, name)));
      const rcpt = [mail.to].flat().map((a) => a?.text ?? "").join(",");
      if (rcpt.toLowerCase().includes(to.toLowerCase()) && subject.test(mail.subject ?? "")) {
        return { to: rcpt, subject: mail.subject ?? "", text: mail.text ?? "", headers: mail.headers };
      }
    }
    if (Date.now() > until) throw new Error(`No email to ${to} matching ${subject} arrived within ${timeoutMs} ms.`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The first link in a message's text that goes to `pathname` on the app. */
export function linkTo(mail: ReceivedMail, pathname: string): URL {
  for (const m of mail.text.matchAll(/https?:\/\/\S+/g)) {
    const url = new URL(m[0].replace(/[>).,]+$/, ""));
    if (url.pathname === pathname) return url;
  }
  throw new Error(`No link to ${pathname} in "${mail.subject}":\n${mail.text}`);
}
