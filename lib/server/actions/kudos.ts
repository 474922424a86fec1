"use server";
import { submitOnce } from "@/lib/server/idempotency/submission";
import { revalidatePath } from "next/cache";
import { failure, type ActionState } from "@/lib/server/action-result";
import { requireMember } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";
import { giveKudos } from "@/lib/server/services/kudos/give-kudos";
import { deleteKudos } from "@/lib/server/services/kudos/delete-kudos";
import { formObject, formString } from "@/lib/validation/form-data";
import type { TKudosCreateInput } from "@/lib/validation/kudos";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";

export async function giveKudosAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    const now = systemNow();
    const recipientHandle = await submitOnce(form, { caller: viewer.id, action: "kudos", now }, async () => {
      const kudos = await giveKudos(await getDb(), { authorId: viewer.id, input: formObject(form, ["recipientHandle", "body"]) as TKudosCreateInput, now });
      return kudos.recipientHandle;
    });
    revalidatePath(`/u/${recipientHandle}`);
    return { ok: true, message: "Kudos given. Thank you for saying it out loud." };
  } catch (e) {
    return failure(e, form);
  }
}

export async function deleteKudosAction(form: FormData): Promise<void> {
  try {
    const viewer = await requireMember();
    const removed = await deleteKudos(await getDb(), { authorId: viewer.id, kudosId: formString(form, "id"), now: systemNow() });
    revalidatePath(`/u/${removed.recipientHandle}`);
  } catch (e) {
    // Already gone (another tab): the refreshed page shows it.
    if (!(e instanceof AppError)) throw e;
  }
}
