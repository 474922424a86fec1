"use server";
import { revalidatePath } from "next/cache";
import { failure, type ActionState } from "@/lib/server/action-result";
import { requireMember } from "@/lib/server/auth/session";
import { updateProfile } from "@/lib/server/services/profile/update-profile";
import { formObject } from "@/lib/validation/form-data";
import { PROFILE_LINKS } from "@/lib/validation/member";
import { getDb } from "@/lib/server/db";

const FIELDS = ["name", "headline", "bio", "location", "topics", ...PROFILE_LINKS.map((l) => l.key)];

export async function updateProfileAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    const updated = await updateProfile(await getDb(), { memberId: viewer.id, input: formObject(form, FIELDS, ["discoverable"]) });
    revalidatePath(`/u/${updated.handle}`);
    return { ok: true, message: "Profile saved." };
  } catch (e) {
    return failure(e, form);
  }
}

/** Settings → Account → Dates and times: the zone and format every date is shown in. */
export async function updateDatePrefsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    await updateProfile(await getDb(), { memberId: viewer.id, input: formObject(form, ["timeZone", "dateLocale"]) });
    // Dates appear on every page: none may keep the old zone from a cached render.
    revalidatePath("/", "layout");
    return { ok: true, message: "Saved. Dates are now shown in your time zone and format." };
  } catch (e) {
    return failure(e, form);
  }
}
