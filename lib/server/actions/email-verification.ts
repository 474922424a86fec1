"use server";
import { redirect } from "next/navigation";
import { failure, type ActionState } from "@/lib/server/action-result";
import { requireMember } from "@/lib/server/auth/session";
import { formObject } from "@/lib/validation/form-data";
import type { TChangeEmail } from "@/lib/validation/email";
import { requestEmailChange, resendVerification, verifyEmail } from "@/lib/server/services/accounts/email-verification";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";

/** The banner's "resend" (signed in). */
export async function resendVerificationAction(_prev: ActionState, _form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    await resendVerification(await getDb(), { memberId: viewer.id, now: systemNow() });
  } catch (e) {
    return failure(e);
  }
  return { ok: true, message: "Sent. Open the link in the email to confirm your address." };
}

/** /verify-email's button: the single-use token is the authorisation (no sign-in needed). */
export async function verifyEmailAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    await verifyEmail(await getDb(), { token: String(form.get("token") ?? ""), now: systemNow() });
  } catch (e) {
    return failure(e, form);
  }
  redirect("/verify-email?done=1");
}

/** /settings/account: a link to the new address; the change waits for it. */
export async function changeEmailAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    const { email } = await requestEmailChange(await getDb(), { memberId: viewer.id, input: formObject(form, ["email"]) as TChangeEmail, now: systemNow() });
    return { ok: true, message: `We sent a link to ${email}. Your address changes when you open it; until then we keep using the old one.` };
  } catch (e) {
    return failure(e, form);
  }
}
