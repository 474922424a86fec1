"use server";
import { submitOnce } from "@/lib/server/idempotency/submission";
import { revalidatePath } from "next/cache";
import { failure, type ActionState } from "@/lib/server/action-result";
import { requireMember } from "@/lib/server/auth/session";
import { introduce } from "@/lib/server/services/introductions/introduce";
import { formObject } from "@/lib/validation/form-data";
import type { TIntroductionCreateInput } from "@/lib/validation/introduction";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";

/** The "Introduce @a to…" form on a profile (components/introductions/introduce-form.tsx). */
export async function introduceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    const now = systemNow();
    const intro = await submitOnce(form, { caller: viewer.id, action: "introduce", now }, async () => {
      const made = await introduce(await getDb(), { introducerId: viewer.id, input: formObject(form, ["introducedHandle", "introducedToHandle", "note"]) as TIntroductionCreateInput, now });
      return { handle: made.introduced.handle, message: made.message };
    });
    revalidatePath(`/u/${intro.handle}`);
    return { ok: true, message: `${intro.message} They have both been told.` };
  } catch (e) {
    return failure(e, form);
  }
}
