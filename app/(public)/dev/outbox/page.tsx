import fs from "node:fs/promises";
import path from "node:path";
import { notFound } from "next/navigation";
import { simpleSubject } from "@/lib/email/eml";
import { mailConfig } from "@/lib/server/email/config";

export const metadata = { title: "Outbox (development)" };
export const dynamic = "force-dynamic";

/** Development only: the emails written to <RAPPORT_DATA_DIR>/outbox/ when SMTP_URL is not set. 404 in production. */
export default async function DevOutboxPage() {
  if (process.env.NODE_ENV === "production") notFound();
  const config = mailConfig();
  if (config.kind !== "files") {
    return <p className="card mx-auto max-w-2xl">SMTP_URL is set: emails go to {new URL(config.url).host}, not to files.</p>;
  }
  const names = (await fs.readdir(config.dir).catch(() => [] as string[])).filter((n) => n.endsWith(".eml"));
  const mails = await Promise.all(
    names.map(async (name) => {
      const file = path.join(config.dir, name);
      const [raw, stat] = await Promise.all([fs.readFile(file, "utf8"), fs.stat(file)]);
      return { name, at: stat.mtime, ...simpleSubject(raw) };
    }),
  );
  mails.sort((a, b) => b.at.getTime() - a.at.getTime());
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">Outbox</h1>
      <p className="muted text-sm">Emails written to {config.dir} (development only; set SMTP_URL to send them).</p>
      {mails.length === 0 ? <p className="card muted">No emails yet.</p> : null}
      <ol className="space-y-3">
        {mails.map((m) => (
          <li key={m.name} className="card space-y-2 text-sm">
            <p className="font-semibold">{m.subject}</p>
            <p className="muted">to {m.to} · {m.at.toISOString()}</p>
            <pre className="whitespace-pre-wrap break-words text-xs">{m.text}</pre>
          </li>
        ))}
      </ol>
    </div>
  );
}
