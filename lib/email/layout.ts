import { escapeHtml, headerSafe } from "./escape";

/**
 * One email, built from plain parts so every interpolated value is escaped in one place.
 * Pure: links come in absolute (the caller resolves them against NEXTAUTH_URL).
 */
export type EmailPart =
  | { kind: "p"; text: string }
  | { kind: "quote"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "button"; label: string; href: string };

export type RenderedEmail = { subject: string; text: string; html: string };

export function renderEmail(input: { subject: string; heading: string; parts: EmailPart[]; footer?: string }): RenderedEmail {
  const subject = headerSafe(input.subject, "subject");
  const text: string[] = [input.heading, ""];
  const html: string[] = [`<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(input.heading)}</h1>`];
  for (const part of input.parts) {
    if (part.kind === "p") {
      text.push(part.text, "");
      html.push(`<p style="margin:0 0 12px">${escapeHtml(part.text)}</p>`);
    } else if (part.kind === "quote") {
      text.push(...part.text.split("\n").map((l) => `> ${l}`), "");
      html.push(`<blockquote style="margin:0 0 12px;padding:8px 12px;border-left:3px solid #94a3b8;white-space:pre-wrap">${escapeHtml(part.text)}</blockquote>`);
    } else if (part.kind === "list") {
      text.push(...part.items.map((i) => `- ${i}`), "");
      html.push(`<ul style="margin:0 0 12px">${part.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`);
    } else {
      text.push(`${part.label}: ${part.href}`, "");
      html.push(
        `<p style="margin:16px 0"><a href="${escapeHtml(part.href)}" style="display:inline-block;padding:10px 16px;border-radius:6px;background:#0f766e;color:#ffffff;text-decoration:none">${escapeHtml(part.label)}</a></p>`,
      );
    }
  }
  if (input.footer) {
    text.push("--", input.footer);
    html.push(`<hr style="border:none;border-top:1px solid #e2e8f0;margin:24px 0 12px"><p style="font-size:12px;color:#64748b">${escapeHtml(input.footer)}</p>`);
  }
  return {
    subject,
    text: text.join("\n"),
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;line-height:1.5;max-width:560px;margin:0 auto;padding:24px">${html.join("\n")}</body></html>`,
  };
}
