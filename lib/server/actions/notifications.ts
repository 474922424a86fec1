"use server";
import { revalidatePath } from "next/cache";
import { failure, type ActionState } from "@/lib/server/action-result";
import { requireMember } from "@/lib/server/auth/session";
import { markAllNotificationsRead, markNotificationsRead } from "@/lib/server/services/notifications/mark-read";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";

export async function markAllReadAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    const count = await markAllNotificationsRead(await getDb(), { memberId: viewer.id, now: systemNow() });
    revalidatePath("/", "layout");
    return { ok: true, message: count ? `Marked ${count} as read.` : "Nothing unread." };
  } catch (e) {
    return failure(e, form);
  }
}

/**
 * The notifications page calls this once its list is on screen, with the ids it shows
 * unread: viewing them is what reads them (the page itself never writes).
 */
export async function markShownReadAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    const ids = form.getAll("ids").filter((v): v is string => typeof v === "string");
    const count = await markNotificationsRead(await getDb(), { memberId: viewer.id, input: { ids }, now: systemNow() });
    if (count) revalidatePath("/", "layout");
    return { ok: true, message: count ? `Marked ${count} as read.` : "Nothing unread." };
  } catch (e) {
    return failure(e, form);
  }
}
