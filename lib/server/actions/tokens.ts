"use server";
import { submitOnce } from "@/lib/server/idempotency/submission";
import { revalidatePath } from "next/cache";
import { failure, type ActionState } from "@/lib/server/action-result";
import { requireMember } from "@/lib/server/auth/session";
import { systemNow } from "@/lib/server/clock";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { revokeToken } from "@/lib/server/services/tokens/revoke-token";
import { formObject, formString } from "@/lib/validation/form-data";
import type { TTokenCreateInput } from "@/lib/validation/api/token";
import { getDb } from "@/lib/server/db";

/** The new token comes back in the state: the only moment it is ever shown. */
export type CreateTokenState = ActionState & { token?: string; name?: string };

export async function createTokenAction(_prev: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  try {
    const viewer = await requireMember();
    const now = systemNow();
    const created = await submitOnce(form, { caller: viewer.id, action: "token", now }, async () => {
      const made = await createToken(await getDb(), { memberId: viewer.id, input: tokenInput(form), now });
      return { name: made.name, token: made.token };
    });
    revalidatePath("/settings/tokens");
    return { ok: true, message: `Token “${created.name}” created. Copy it now — it won't be shown again.`, token: created.token, name: created.name };
  } catch (e) {
    return failure(e, form);
  }
}

/** The form's fields as the service's input: checked scope boxes, and the lifetime ("never" or days). */
function tokenInput(form: FormData): TTokenCreateInput {
  const scopes = form.getAll("scopes").filter((v): v is string => typeof v === "string");
  const expiry = formString(form, "expiresInDays");
  const days = /^\d{1,4}$/.test(expiry) ? Number(expiry) : expiry;
  return { ...(formObject(form, ["name"]) as { name: string }), scopes, expiresInDays: days } as TTokenCreateInput;
}

export async function revokeTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    await revokeToken(await getDb(), { memberId: viewer.id, tokenId: formString(form, "id"), now: systemNow() });
    revalidatePath("/settings/tokens");
    return { ok: true, message: "Token revoked. Scripts using it will stop working." };
  } catch (e) {
    return failure(e, form);
  }
}
