/**
 * Reads the few fields /dev/outbox shows from an .eml file nodemailer wrote (headers, then the
 * text/plain part, quoted-printable). Pure; good enough for our own files, not a MIME parser.
 */
export function simpleSubject(raw: string): { subject: string; to: string; text: string } {
  const [head] = raw.split(/\r?\n\r?\n/, 1);
  const header = (name: string) => new RegExp(`^${name}: ?(.*(?:\\r?\\n[ \\t].*)*)`, "mi").exec(head)?.[1].replace(/\r?\n[ \t]/g, " ") ?? "";
  const textPart = /Content-Type: text\/plain[^\n]*\r?\n(?:[^\n]+\r?\n)*\r?\n([\s\S]*?)\r?\n--/i.exec(raw)?.[1] ?? "";
  const text = textPart.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return { subject: decodeWords(header("Subject")), to: header("To"), text: Buffer.from(text, "latin1").toString("utf8") };
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) in a header. */
function decodeWords(v: string): string {
  return v
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : Buffer.from(data.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8"),
    );
}
