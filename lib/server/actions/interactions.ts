"use server";
import { submitOnce } from "@/lib/server/idempotency/submission";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failure, type ActionState } from "@/lib/server/action-result";
import { requireMember } from "@/lib/server/auth/session";
import { logInteraction } from "@/lib/server/services/interactions/log-interaction";
import { decideLogged } from "@/lib/server/services/interactions/decide-logged";
import { withdrawLogged } from "@/lib/server/services/interactions/withdraw-logged";
import { formObject, formString } from "@/lib/validation/form-data";
import type { TLoggedDecisionInput, TLoggedInteractionCreateInput } from "@/lib/validation/logged-interaction";
import { getDb } from "@/lib/server/db";
import { queueEvidenceCheck } from "@/lib/server/verify/queue-check";
import { systemNow } from "@/lib/server/clock";

const FIELDS = ["targetHandle", "platform", "kind", "occurredOn", "evidenceUrl", "summary"] as const;

function refresh() {
  revalidatePath("/interactions", "layout");
  revalidatePath("/u/[handle]", "page");
}

export async function logInteractionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    const now = systemNow();
    await submitOnce(form, { caller: viewer.id, action: "log", now }, async () => {
      const logged = await logInteraction(await getDb(), { actorId: viewer.id, input: formObject(form, FIELDS) as TLoggedInteractionCreateInput, now });
      queueEvidenceCheck(logged);
    });
  } catch (e) {
    return failure(e, form);
  }
  refresh();
  redirect("/interactions?logged=1");
}

/** Confirm / Dispute buttons on an interaction logged about the viewer. */
export async function decideLoggedAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    const result = await decideLogged(await getDb(), { targetId: viewer.id, input: formObject(form, ["id", "decision"]) as TLoggedDecisionInput, now: systemNow() });
    refresh();
    return { ok: true, message: result.status === "confirmed" ? "Confirmed — no longer pending: it counts like any verified interaction." : "Disputed — it won't count." };
  } catch (e) {
    return failure(e, form);
  }
}

export async function withdrawLoggedAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    await withdrawLogged(await getDb(), { actorId: viewer.id, id: formString(form, "id"), now: systemNow() });
    refresh();
    return { ok: true, message: "Withdrawn." };
  } catch (e) {
    return failure(e, form);
  }
}
