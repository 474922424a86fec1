import "server-only";
import { AppError } from "@/lib/server/errors";

export const MAX_BODY_BYTES = 64 * 1024;

const tooLarge = () =>
  new AppError("payload_too_large", `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB. Send less at once.`);

/** Refuses a declared Content-Length over the limit before reading anything. */
export function checkDeclaredLength(req: Request, limit = MAX_BODY_BYTES): void {
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
}

/**
 * Reads the body as UTF-8 text, stopping as soon as it passes `limit` bytes (a missing or
 * lying Content-Length cannot make the server buffer more).
 */
export async function readBodyText(req: Request, limit = MAX_BODY_BYTES): Promise<string> {
  checkDeclaredLength(req, limit);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw malformed("The body is not valid UTF-8 text.");
  }
}

/** The JSON body, or undefined when there is none. Malformed JSON is a validation problem on `body`. */
export async function readJsonBody(req: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const text = await readBodyText(req, limit);
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    const why = e instanceof SyntaxError ? ` (${e.message})` : "";
    throw malformed(`Malformed JSON: the body could not be parsed${why}. Send a JSON object.`);
  }
}

function malformed(message: string): AppError {
  return new AppError("validation", message, { fields: { body: [message] } });
}
