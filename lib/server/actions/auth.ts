"use server";
import { finishFirstFactor } from "@/lib/server/auth/finish-first-factor";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { failure, formValues, type ActionState } from "@/lib/server/action-result";
import { startSession } from "@/lib/server/auth/session";
import { clientIp } from "@/lib/server/request-ip";
import { signUp } from "@/lib/server/services/accounts/sign-up";
import { signInWithPassword } from "@/lib/server/services/accounts/sign-in";
import { formObject } from "@/lib/validation/form-data";
import type { TSigninInput, TSignupInput } from "@/lib/validation/member";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";

/** Only same-site paths are followed after sign-in. */
function safeNext(v: FormDataEntryValue | null): string {
  const s = typeof v === "string" ? v : "";
  return s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/\\") ? s : "/";
}

export async function signUpAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const member = await signUp(await getDb(), { input: formObject(form, ["email", "password", "handle", "name", "timeZone", "dateLocale"]) as TSignupInput, ip: clientIp(await headers()), now: systemNow() });
    await startSession(member.id, 0); // a new member: no session was ever ended
  } catch (e) {
    return failure(e, form);
  }
  redirect("/");
}

export async function signInAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await signInWithPassword(await getDb(), { input: formObject(form, ["email", "password"]) as TSigninInput, ip: clientIp(await headers()), now: systemNow() });
  if (!result.ok) return { ok: false, code: result.error.code, message: result.error.message, values: formValues(form) };
  return finishFirstFactor(result, safeNext(form.get("next")));
}
