import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/server/errors";
import { findNul } from "@/lib/security/nul";

type Where = "body" | "query";

/**
 * Validates a body or query with its shared schema. Every bad field is named: unknown fields
 * one by one ("remove it"), a wrong or missing body as `body`, a failed discriminator
 * (e.g. `preset`) under its own name.
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown, where: Where): z.output<S> {
  if (value === undefined && where === "body") {
    // Bodies whose fields are all optional accept a missing body as {}; otherwise each
    // missing required field is named.
    const asEmpty = schema.safeParse({});
    if (asEmpty.success) return asEmpty.data;
    throw validationError(asEmpty.error, where, "This request needs a JSON object body.");
  }
  const nulAt = findNul(value);
  if (nulAt !== null) {
    const field = nulAt || where;
    const message = `${field} contains a NUL character (\\u0000), which can't be stored — remove it.`;
    throw new AppError("validation", message, { fields: { [field]: [message] } });
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw validationError(parsed.error, where);
}

export function validationError(error: z.ZodError, where: Where, lead?: string): AppError {
  // No prototype: a field named "__proto__" or "constructor" is just a name here.
  const fields: Record<string, string[]> = Object.create(null);
  const add = (field: string, message: string) => (fields[field] ??= []).includes(message) || fields[field].push(message);
  for (const issue of error.issues) {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const field = base ? `${base}.${key}` : key;
        add(field, `Unknown ${where === "query" ? "query parameter" : "field"} “${field}” — remove it; see /api/v1/openapi.json for what this endpoint accepts.`);
      }
      continue;
    }
    const discriminator = (issue as { discriminator?: string }).discriminator;
    if (issue.code === "invalid_union" && discriminator && issue.path.at(-1) !== discriminator) {
      add(base ? `${base}.${discriminator}` : discriminator, issue.message);
      continue;
    }
    if (!base && issue.code === "invalid_type") {
      add(where, where === "body" ? "The body must be a JSON object." : issue.message);
      continue;
    }
    add(base || where, issue.message);
  }
  const first = Object.entries(fields)[0];
  const detail = lead ?? (first ? (first[0] === where ? first[1][0] : `${first[0]}: ${first[1][0]}`) : "Please check the request.");
  return new AppError("validation", detail, { fields });
}
