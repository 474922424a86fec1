"use server";
import { revalidatePath } from "next/cache";
import { failure, type ActionState } from "@/lib/server/action-result";
import { requireMember } from "@/lib/server/auth/session";
import { linkMastodon, MASTODON_FIELD } from "@/lib/server/services/verify/link-mastodon";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";
import { queueFindAfterVerify } from "@/lib/server/verify/queue-find";

/** Settings → Account → Mastodon: an address is looked up on its instance; the same address again checks again. */
export async function linkMastodonAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    const raw = form.get(MASTODON_FIELD);
    const now = systemNow();
    const linked = await linkMastodon(await getDb(), { memberId: viewer.id, handle: typeof raw === "string" ? raw : "", now });
    queueFindAfterVerify(viewer.id, "mastodon", linked, now);
    revalidatePath("/settings/account");
    revalidatePath("/u/[handle]", "page");
    return {
      ok: true,
      message: linked.verified
        ? `Verified: ${linked.handle} is yours. Replies and mentions you log from Mastodon are now checked by Rapport.`
        : `Almost there: add a field with ${linked.backLink} to your Mastodon profile, save it, then press “Check again”.`,
    };
  } catch (e) {
    return failure(e, form);
  }
}

