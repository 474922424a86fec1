import "server-only";
import { AppError } from "./errors";

/** What a server action returns to its form: a message, field errors, and what was typed. */
export type ActionState = {
  ok?: boolean;
  message?: string;
  code?: string;
  fields?: Record<string, string[]>;
  values?: Record<string, string>;
};

/** A server action as a form-state component receives it (`useActionState`): pages pass it down as a prop. */
export type FormAction<S extends ActionState = ActionState> = (prev: S, form: FormData) => Promise<S>;

/** A fire-and-forget server action for a plain `<form action>` (react, delete, sign out). */
export type ButtonAction = (form: FormData) => Promise<void>;

export function formValues(form: FormData, omit: readonly string[] = ["password"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !omit.includes(k) && !k.startsWith("$")) out[k] = v;
  return out;
}

/** Maps an expected failure to form state; anything unexpected is rethrown (error.tsx shows it). */
export function failure(e: unknown, form?: FormData): ActionState {
  if (e instanceof AppError) {
    return { ok: false, code: e.code, message: e.message, fields: e.fields, values: form ? formValues(form) : undefined };
  }
  throw e;
}
