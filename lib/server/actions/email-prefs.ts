"use server";
import { revalidatePath } from "next/cache";
import { failure, type ActionState } from "@/lib/server/action-result";
import { requireMember } from "@/lib/server/auth/session";
import { unsubscribeByToken, updateEmailPrefs } from "@/lib/server/services/notifications/email-prefs";
import { EMAIL_CATEGORIES } from "@/lib/email/categories";
import { formObject } from "@/lib/validation/form-data";
import type { TEmailPrefs } from "@/lib/validation/email";
import { getDb } from "@/lib/server/db";

export async function updateEmailPrefsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    await updateEmailPrefs(await getDb(), { memberId: viewer.id, input: formObject(form, [...EMAIL_CATEGORIES]) as TEmailPrefs });
  } catch (e) {
    return failure(e, form);
  }
  revalidatePath("/settings/notifications");
  return { ok: true, message: "Saved. In-app notifications stay on whatever you choose here." };
}

/** The confirmation page's button (the signed link is the authorisation; no sign-in). */
export async function unsubscribeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    await unsubscribeByToken(await getDb(), { token: String(form.get("t") ?? "") });
  } catch (e) {
    return failure(e, form);
  }
  return { ok: true, message: "Done: you will not get these emails any more. You can change this at any time in your notification settings." };
}
