"use server";
import { submitOnce } from "@/lib/server/idempotency/submission";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failure, type ActionState } from "@/lib/server/action-result";
import { requireMember } from "@/lib/server/auth/session";
import { systemNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db";
import { sendRequest } from "@/lib/server/services/requests/send-request";
import { blockMember } from "@/lib/server/services/blocks/block";
import { unblockMember } from "@/lib/server/services/blocks/unblock";
import { formObject } from "@/lib/validation/form-data";
import type { TSendRequestInput } from "@/lib/validation/request";
import type { TBlockMemberInput } from "@/lib/validation/block";

/** The note form on a profile (inline or on /u/<handle>/connect). On success, back to the profile. */
export async function sendRequestAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let handle: string;
  try {
    const viewer = await requireMember();
    const now = systemNow();
    handle = await submitOnce(form, { caller: viewer.id, action: "request", now }, async () => {
      const sent = await sendRequest(await getDb(), { requesterId: viewer.id, input: formObject(form, ["to", "note"]) as TSendRequestInput, now });
      return sent.recipientHandle;
    });
    revalidatePath(`/u/${handle}`);
    revalidatePath("/requests");
    revalidatePath("/");
  } catch (e) {
    return failure(e, form);
  }
  redirect(`/u/${handle}`);
}

export async function blockAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    const { member } = await blockMember(await getDb(), { blockerId: viewer.id, input: formObject(form, ["handle"]) as TBlockMemberInput, now: systemNow() });
    revalidatePath(`/u/${member.handle}`);
    revalidatePath("/", "layout");
    return { ok: true, message: `You blocked @${member.handle}.` };
  } catch (e) {
    return failure(e, form);
  }
}

export async function unblockAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    const { member } = await unblockMember(await getDb(), { blockerId: viewer.id, input: formObject(form, ["handle"]) as TBlockMemberInput, now: systemNow() });
    revalidatePath(`/u/${member.handle}`);
    revalidatePath("/settings/blocked");
    return { ok: true, message: `You unblocked @${member.handle}.` };
  } catch (e) {
    return failure(e, form);
  }
}
