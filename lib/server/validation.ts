import "server-only";
import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/server/errors";
import { findNul } from "@/lib/security/nul";
import { fieldErrorsOf } from "@/lib/validation/form-data";

/**
 * The one validation helper. Services validate their own input with `parseInput`, so every
 * caller — form, action, API, script — gets the same field-naming errors; the API's body and
 * query checks use `validate`. Both fail with the same error: a "validation" AppError.
 */
function invalid(message: string, fields?: FieldErrors): AppError {
  return new AppError("validation", message, fields ? { fields } : {});
}

export type ParseInputOptions = {
  /** the error's message; by default the first field's message */
  message?: string;
  /** false: the error names no fields (e.g. sign-in, which never says which one was wrong) */
  fields?: boolean;
};

/** Validates a service's input with its shared schema; bad input is a "validation" AppError naming the fields. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, opts: ParseInputOptions = {}): z.output<S> {
  const checked = checkInput(schema, input, opts);
  if (!checked.ok) throw checked.error;
  return checked.data;
}

/** parseInput for services that answer bad input with a result rather than a throw. */
export function checkInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  opts: ParseInputOptions = {},
): { ok: true; data: z.output<S> } | { ok: false; error: AppError } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fields = fieldErrorsOf(parsed.error);
  const first = Object.values(fields)[0]?.[0];
  return { ok: false, error: invalid(opts.message ?? first ?? "Please check the highlighted fields.", opts.fields === false ? undefined : fields) };
}

type Where = "body" | "query";

/**
 * Validates an API body or query with its shared schema. Every bad field is named: unknown
 * fields one by one ("remove it"), a wrong or missing body as `body`, a failed discriminator
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
    throw invalid(message, { [field]: [message] });
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
  return invalid(detail, fields);
}
