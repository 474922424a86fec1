"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
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
import { FINDABLE_NETWORKS } from "@/lib/verify/networks";
import { networkList } from "@/lib/verify/offers";

/**
 * "Add" / "Dismiss" on a group of Found-for-you offers (/interactions). The group is gone
 * afterwards, so the outcome is said by the page it lands on (a status banner), not by the form.
 */
export async function decideOffersAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let outcome: string;
  try {
    const viewer = await requireMember();
    const input = { ...formObject(form, ["member", "decision"]), offers: form.getAll("offers").filter((v) => typeof v === "string") } as TOfferDecisionInput;
    const out = await decideOffers(await getDb(), { actorId: viewer.id, input, now: systemNow() });
    out.logged.forEach(queueEvidenceCheck);
    outcome = input.decision === "dismiss" ? "dismissed" : `added-${out.logged.length}${out.logged.length ? `-${out.logged[0].platform}` : ""}`;
  } catch (e) {
    return failure(e, form);
  }
  revalidatePath("/interactions", "layout");
  revalidatePath("/u/[handle]", "page");
  redirect(`/interactions?found=${outcome}`);
}

/** Settings → Account: "Look for our public replies and mentions on Bluesky, … and offer them to me". */
export async function setFindInteractionsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    const on = form.get("findInteractions") === "on";
    const setting = await setFindInteractions(await getDb(), { memberId: viewer.id, on });
    const readable = setting.readable.length > 0;
    if (setting.findInteractions && readable) queueFindOffers(viewer.id);
    revalidatePath("/settings/account");
    revalidatePath("/interactions");
    if (!on) return { ok: true, message: "Off — Rapport no longer looks through your public posts." };
    return {
      ok: true,
      message: readable
        ? `On — Rapport is looking on ${networkList(setting.readable)} now, then about once a day. What it finds shows up on Interactions.`
        : `On — it starts once your ${networkList(FINDABLE_NETWORKS).replace(" and ", " or ")} account is verified.`,
    };
  } catch (e) {
    return failure(e, form);
  }
}
