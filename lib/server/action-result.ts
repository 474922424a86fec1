import "server-only";
import { AppError } from "./errors";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";

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

export const DATABASE_AWAY_MESSAGE = "Rapport can't reach its database right now, so this didn't go through. Try again in a moment.";

/**
 * Maps an expected failure to form state, and so a database outage too: the form keeps what
 * was typed and says to try again (lib/server/api/problem.ts decides what an outage is).
 * Anything else unexpected is rethrown (error.tsx shows it).
 */
export function failure(e: unknown, form?: FormData): ActionState {
  const values = form ? formValues(form) : undefined;
  if (e instanceof AppError) return { ok: false, code: e.code, message: e.message, fields: e.fields, values };
  if (isDatabaseUnavailable(e)) {
    console.error("[action] database unavailable:", e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    return { ok: false, code: "unavailable", message: DATABASE_AWAY_MESSAGE, values };
  }
  throw e;
}
