import type { z } from "zod";
import { stripNul } from "@/lib/security/nul";

/** Field errors keyed by field name, from a zod error (first message per field kept first). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  // Collected in a Map and turned into a plain object with fromEntries, which defines own
  // properties: a field named "__proto__" is just a name, and the result stays a plain
  // object that React can pass to client components.
  const byField = new Map<string, string[]>();
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "form";
    const list = byField.get(key);
    if (list) list.push(issue.message);
    else byField.set(key, [issue.message]);
  }
  return Object.fromEntries(byField);
}

/** Plain object from a form, keeping only the named fields (unchecked boxes become false). */
export function formObject(form: FormData, fields: readonly string[], booleans: readonly string[] = []) {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = form.get(f);
    if (typeof v === "string") out[f] = stripNul(v); // PostgreSQL text cannot hold U+0000
  }
  for (const b of booleans) out[b] = form.get(b) === "on" || form.get(b) === "true";
  return out;
}

/** One text field of a form as sent ("" when it is missing or a file): ids from hidden inputs and buttons. */
export function formString(form: FormData, key: string): string {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
}
