"use server";
import { revalidatePath } from "next/cache";
import { failure, type ActionState } from "@/lib/server/action-result";
import { requireMember } from "@/lib/server/auth/session";
import { removeConnection } from "@/lib/server/services/connections/remove-connection";
import { formObject } from "@/lib/validation/form-data";
import type { TRemoveConnectionInput } from "@/lib/validation/connection";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";

export async function removeConnectionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    const { member } = await removeConnection(await getDb(), { memberId: viewer.id, input: formObject(form, ["handle"]) as TRemoveConnectionInput, now: systemNow() });
    revalidatePath("/connections");
    revalidatePath(`/u/${member.handle}`);
    return { ok: true, message: `You're no longer connected with ${member.name}.` };
  } catch (e) {
    return failure(e, form);
  }
}
