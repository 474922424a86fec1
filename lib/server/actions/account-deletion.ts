"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { failure, type ActionState } from "@/lib/server/action-result";
import { endSession, requireMember } from "@/lib/server/auth/session";
import { clientIp } from "@/lib/server/request-ip";
import { requestAccountDeletion } from "@/lib/server/services/accounts/request-deletion";
import { formObject } from "@/lib/validation/form-data";
import type { TDeleteAccountInput } from "@/lib/validation/account";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";

/** "Delete my account": scheduled in 14 days; every session ends, this one too, and sign-in says how to undo it. */
export async function deleteAccountAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let deleteAt: Date;
  try {
    const viewer = await requireMember();
    ({ deleteAt } = await requestAccountDeletion(await getDb(), { memberId: viewer.id, input: formObject(form, ["password"]) as TDeleteAccountInput, ip: clientIp(await headers()), now: systemNow() }));
  } catch (e) {
    return failure(e, form);
  }
  await endSession();
  redirect(`/signin?leaving=${deleteAt.toISOString().slice(0, 10)}`);
}
