"use server";
import { revalidatePath } from "next/cache";
import { failure, type ActionState } from "@/lib/server/action-result";
import { requireMember } from "@/lib/server/auth/session";
import { linkBluesky, unlinkAccount, BLUESKY_FIELD } from "@/lib/server/services/verify/link-account";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";
import { queueFindAfterVerify } from "@/lib/server/verify/queue-find";

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

export async function unlinkBlueskyAction(_prev: ActionState, _form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    await unlinkAccount(await getDb(), { memberId: viewer.id, network: "bluesky" });
    revalidatePath("/settings/account");
    revalidatePath("/u/[handle]", "page");
    return { ok: true, message: "Your Bluesky account is no longer linked." };
  } catch (e) {
    return failure(e);
  }
}
