"use server";
import { revalidatePath } from "next/cache";
import { failure, type ActionState } from "@/lib/server/action-result";
import { requireMember } from "@/lib/server/auth/session";
import { linkBluesky, unlinkAccount, BLUESKY_FIELD } from "@/lib/server/services/verify/link-account";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";
import { queueFindAfterVerify } from "@/lib/server/verify/queue-find";
import { parseInput } from "@/lib/server/validation";
import { formObject } from "@/lib/validation/form-data";
import { ZUnlinkAccount } from "@/lib/validation/linked-account";
import { unlinkedMessage } from "@/lib/verify/offers";

/** Settings → Account → Linked accounts: a new handle gets a code; the same handle again checks it. */
export async function linkBlueskyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    const raw = form.get(BLUESKY_FIELD);
    const handle = typeof raw === "string" ? raw : "";
    const now = systemNow();
    const linked = await linkBluesky(await getDb(), { memberId: viewer.id, handle, now });
    queueFindAfterVerify(viewer.id, "bluesky", linked, now);
    revalidatePath("/settings/account");
    revalidatePath("/u/[handle]", "page");
    return {
      ok: true,
      message: linked.verified
        ? `Verified: @${linked.handle} is yours. Replies and mentions you log from Bluesky are now checked by Rapport.`
        : `Almost there: put ${linked.code} in your Bluesky profile description, save it, then press “Check now”.`,
    };
  } catch (e) {
    return failure(e, form);
  }
}

/**
 * "Unlink Bluesky / Mastodon / GitHub" (the form's `network`): the linked account is removed, with
 * its verification and the open Found-for-you offers resting on it; interactions already verified
 * through it stay verified.
 */
export async function unlinkAccountAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    const { network } = parseInput(ZUnlinkAccount, formObject(form, ["network"]));
    const { offersForgotten } = await unlinkAccount(await getDb(), { memberId: viewer.id, network });
    revalidatePath("/settings/account");
    revalidatePath("/u/[handle]", "page");
    return { ok: true, message: unlinkedMessage(network, offersForgotten) };
  } catch (e) {
    return failure(e);
  }
}
