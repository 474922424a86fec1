"use server";
import { headers } from "next/headers";
import { failure, formValues, type ActionState } from "@/lib/server/action-result";
import { requireMember, startSession } from "@/lib/server/auth/session";
import { clientIp } from "@/lib/server/request-ip";
import { signOutEverywhere } from "@/lib/server/services/accounts/sign-out-everywhere";
import { changePassword } from "@/lib/server/services/accounts/change-password";
import { formObject } from "@/lib/validation/form-data";
import type { TChangePasswordInput } from "@/lib/validation/account";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";

/** Ends every session of the member; this browser gets a fresh cookie and stays signed in. */
export async function signOutEverywhereAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    const { sessionVersion } = await signOutEverywhere(await getDb(), { memberId: viewer.id, now: systemNow() });
    await startSession(viewer.id, sessionVersion);
    return { ok: true, message: "Every other browser and device is now signed out. You stay signed in here." };
  } catch (e) {
    return failure(e, form);
  }
}

const PASSWORD_FIELDS = ["currentPassword", "newPassword"];

/** Changes (or sets) the password; every other session ends, this browser stays signed in. */
export async function changePasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    const input = formObject(form, PASSWORD_FIELDS) as TChangePasswordInput;
    if (input.currentPassword === "") delete input.currentPassword;
    const { sessionVersion, set } = await changePassword(await getDb(), { memberId: viewer.id, input, ip: clientIp(await headers()), now: systemNow() });
    await startSession(viewer.id, sessionVersion);
    return { ok: true, message: set ? "Password set. You can now also sign in with your email and password." : "Password changed. Every other browser and device is signed out." };
  } catch (e) {
    const state = failure(e, form);
    return { ...state, values: formValues(form, PASSWORD_FIELDS) }; // passwords are never sent back
  }
}
