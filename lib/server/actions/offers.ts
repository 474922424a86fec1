"use server";
import { revalidatePath } from "next/cache";
import { failure, type ActionState } from "@/lib/server/action-result";
import { requireMember } from "@/lib/server/auth/session";
import { decideOffers } from "@/lib/server/services/offers/decide-offers";
import { setFindInteractions } from "@/lib/server/services/offers/find-setting";
import { formObject } from "@/lib/validation/form-data";
import type { TOfferDecisionInput } from "@/lib/validation/interaction-offer";
import { getDb } from "@/lib/server/db";
import { queueEvidenceCheck } from "@/lib/server/verify/queue-check";
import { queueFindOffers } from "@/lib/server/verify/queue-find";
import { systemNow } from "@/lib/server/clock";

/** "Add them" / "Dismiss" on a group of Found-for-you offers (/interactions). */
export async function decideOffersAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    const input = formObject(form, ["member", "decision"]) as TOfferDecisionInput;
    const out = await decideOffers(await getDb(), { actorId: viewer.id, input, now: systemNow() });
    out.logged.forEach(queueEvidenceCheck);
    revalidatePath("/interactions", "layout");
    revalidatePath("/u/[handle]", "page");
    const n = out.logged.length;
    if (input.decision === "dismiss") return { ok: true, message: out.offers.length ? "Dismissed — they won't be offered again." : "Already done." };
    return { ok: true, message: n ? `Added ${n === 1 ? "it" : `all ${n}`} — Rapport is checking ${n === 1 ? "it" : "them"} on Bluesky.` : "Already added." };
  } catch (e) {
    return failure(e, form);
  }
}

/** Settings → Account: "Look for our public replies and mentions on Bluesky and offer them to me". */
export async function setFindInteractionsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    const on = form.get("findInteractions") === "on";
    const setting = await setFindInteractions(await getDb(), { memberId: viewer.id, on });
    if (setting.findInteractions && setting.blueskyVerified) queueFindOffers(viewer.id);
    revalidatePath("/settings/account");
    revalidatePath("/interactions");
    if (!on) return { ok: true, message: "Off — Rapport no longer looks through your Bluesky posts." };
    return {
      ok: true,
      message: setting.blueskyVerified
        ? "On — Rapport is looking now, then about once a day. What it finds shows up on Interactions."
        : "On — it starts once your Bluesky account is verified.",
    };
  } catch (e) {
    return failure(e, form);
  }
}
