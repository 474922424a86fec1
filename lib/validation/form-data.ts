import type { z } from "zod";

/** Field errors keyed by field name, from a zod error (first message per field kept first). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
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
    if (typeof v === "string") out[f] = v;
  }
  for (const b of booleans) out[b] = form.get(b) === "on" || form.get(b) === "true";
  return out;
}
