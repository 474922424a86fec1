"use server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { failure, type ActionState } from "@/lib/server/action-result";
import { requireAdmin } from "@/lib/server/auth/session";
import { AppError, notFound } from "@/lib/server/errors";
import { dismissReport } from "@/lib/server/services/admin/dismiss-report";
import { removeReportedContent } from "@/lib/server/services/admin/remove-content";
import { suspendMember, unsuspendMember } from "@/lib/server/services/admin/suspend-member";
import { updateAppSettings } from "@/lib/server/services/admin/update-settings";
import { appSettingsFromForm } from "@/lib/validation/admin";
import { formObject } from "@/lib/validation/form-data";
import { makeDateFormat } from "@/lib/dates/format";
import { resolveDatePrefs } from "@/lib/dates/prefs";
import type { TReportDecisionInput, TSuspendMemberInput, TUnsuspendMemberInput } from "@/lib/validation/admin";
import type { TAppSettingsPatch } from "@/lib/validation/app-settings";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";

// Every action: adminOnly() first, then the service, which checks the actor's role again
// inside its transaction.

/** The admin, or "not found" for everyone else — signed out and suspended included. */
async function adminOnly() {
  try {
    return await requireAdmin();
  } catch (e) {
    if (e instanceof AppError) throw notFound();
    throw e;
  }
}

function revalidateAdmin(...paths: string[]) {
  for (const p of ["/admin", ...paths]) revalidatePath(p);
}

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

export async function removeContentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const admin = await adminOnly();
    const r = await removeReportedContent(await getDb(), { adminId: admin.id, input: formObject(form, ["reportId", "note"]) as TReportDecisionInput, now: systemNow() });
    // No revalidation of the page acted on: the queue item stays in place with this message
    // until the next visit (admin pages are dynamic), instead of vanishing without a word.
    return {
      ok: true,
      message: `Removed. ${plural(r.interactionsRemoved, "interaction no longer counts", "interactions no longer count")}; ${plural(r.reportsClosed, "report", "reports")} closed.`,
    };
  } catch (e) {
    return failure(e, form);
  }
}

export async function dismissReportAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const admin = await adminOnly();
    await dismissReport(await getDb(), { adminId: admin.id, input: formObject(form, ["reportId", "note"]) as TReportDecisionInput, now: systemNow() });
    return { ok: true, message: "Report dismissed." };
  } catch (e) {
    return failure(e, form);
  }
}

export async function suspendMemberAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const admin = await adminOnly();
    const r = await suspendMember(await getDb(), { adminId: admin.id, input: formObject(form, ["memberId", "reason", "until", "reportId"]) as TSuspendMemberInput, now: systemNow() });
    const reportId = form.get("reportId");
    revalidateAdmin("/admin/members", ...(typeof reportId === "string" && reportId ? [`/admin/reports/${reportId}`] : []));
    const until = r.until ? ` until ${makeDateFormat(resolveDatePrefs(admin, (await headers()).get("accept-language")), systemNow()).date(r.until)}` : "";
    return {
      ok: true,
      message: `@${r.handle} is suspended${until}. ${plural(r.requestsWithdrawn, "pending request was", "pending requests were")} withdrawn.`,
    };
  } catch (e) {
    return failure(e, form);
  }
}

export async function unsuspendMemberAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const admin = await adminOnly();
    const r = await unsuspendMember(await getDb(), { adminId: admin.id, input: formObject(form, ["memberId"]) as TUnsuspendMemberInput, now: systemNow() });
    revalidateAdmin("/admin/members");
    return { ok: true, message: `@${r.handle} can use Rapport again.` };
  } catch (e) {
    return failure(e, form);
  }
}

export async function saveSettingsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const admin = await adminOnly();
    const values = appSettingsFromForm((name) => {
      const v = form.get(name);
      return typeof v === "string" ? v : null;
    });
    await updateAppSettings(await getDb(), { adminId: admin.id, input: values as TAppSettingsPatch, now: systemNow() });
    revalidateAdmin("/admin/settings", "/settings/protocol");
    return { ok: true, message: "Settings saved. New weights apply to interactions recorded from now on." };
  } catch (e) {
    return failure(e, form);
  }
}
