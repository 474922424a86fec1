"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failure, type ActionState } from "@/lib/server/action-result";
import { requireMember } from "@/lib/server/auth/session";
import { systemNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { acceptRequest } from "@/lib/server/services/requests/accept-request";
import { declineRequest } from "@/lib/server/services/requests/decline-request";
import { withdrawRequest } from "@/lib/server/services/requests/withdraw-request";

function refresh(requestId: string) {
  revalidatePath("/requests");
  revalidatePath(`/requests/${requestId}`);
  revalidatePath("/");
}

/** Accept / Not yet / No, from the review page: the pressed button's value is the decision. */
export async function decideAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const id = String(form.get("id") ?? "");
  try {
    const viewer = await requireMember();
    const decision = String(form.get("decision") ?? "");
    if (decision === "accept") {
      const { requester } = await acceptRequest(await getDb(), { recipientId: viewer.id, requestId: id, now: systemNow() });
      revalidatePath(`/u/${requester.handle}`);
    } else if (decision === "not_yet" || decision === "no") {
      const { requester } = await declineRequest(await getDb(), { recipientId: viewer.id, requestId: id, input: { reason: decision }, now: systemNow() });
      revalidatePath(`/u/${requester.handle}`);
    } else {
      throw new AppError("validation", "Choose Accept, Not yet or No.", { fields: { decision: ["Choose Accept, Not yet or No."] } });
    }
    refresh(id);
  } catch (e) {
    return failure(e, form);
  }
  redirect(`/requests/${encodeURIComponent(id)}`);
}

export async function withdrawAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const id = String(form.get("id") ?? "");
  try {
    const viewer = await requireMember();
    const { recipient } = await withdrawRequest(await getDb(), { requesterId: viewer.id, requestId: id, now: systemNow() });
    refresh(id);
    revalidatePath(`/u/${recipient.handle}`);
    return { ok: true, message: `Request to ${recipient.name} withdrawn.` };
  } catch (e) {
    return failure(e, form);
  }
}
