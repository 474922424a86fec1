"use server";
import { redirect } from "next/navigation";
import { failure, type ActionState } from "@/lib/server/action-result";
import { requestPasswordReset, resetPassword } from "@/lib/server/services/accounts/password-reset";
import { formObject } from "@/lib/validation/form-data";
import type { TPasswordResetConfirm, TPasswordResetRequest } from "@/lib/validation/email";
import { RESET_REQUESTED_MESSAGE } from "@/lib/email/wording";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";

/** /forgot-password: the same answer whether or not the address has an account. */
export async function forgotPasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    await requestPasswordReset(await getDb(), { input: formObject(form, ["email"]) as TPasswordResetRequest, now: systemNow() });
  } catch (e) {
    return failure(e, form);
  }
  return { ok: true, message: RESET_REQUESTED_MESSAGE };
}

/** /reset-password: sets the new password, then sends the member to sign in with it (every session has ended). */
export async function resetPasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    await resetPassword(await getDb(), { input: formObject(form, ["token", "password"]) as TPasswordResetConfirm, now: systemNow() });
  } catch (e) {
    return failure(e, form);
  }
  redirect("/signin?reset=1");
}
