import type { z } from "zod";
import { stripNul } from "@/lib/security/nul";

/** Field errors keyed by field name, from a zod error (first message per field kept first). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  // No prototype: a field named "__proto__" is just a name here.
  const out: Record<string, string[]> = Object.create(null);
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
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
