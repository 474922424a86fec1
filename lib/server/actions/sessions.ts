"use server";
import { failure, type ActionState } from "@/lib/server/action-result";
import { requireMember, startSession } from "@/lib/server/auth/session";
import { signOutEverywhere } from "@/lib/server/services/accounts/sign-out-everywhere";
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
