import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/server/errors";
import { fieldErrorsOf } from "@/lib/validation/form-data";

/** Validates a service's input with its shared schema; bad input is a "validation" AppError naming the fields. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    const first = Object.values(fields)[0]?.[0];
    throw new AppError("validation", first ?? "Please check the highlighted fields.", { fields });
  }
  return parsed.data;
}
