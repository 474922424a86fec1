"use server";
import { failure, type ActionState } from "@/lib/server/action-result";
import { requireMember } from "@/lib/server/auth/session";
import { createReport } from "@/lib/server/services/reports/create-report";
import { formObject } from "@/lib/validation/form-data";
import type { TReportCreateInput } from "@/lib/validation/report";

/** The Report control (components/reports/report-form.tsx) and the /report page. */
export async function reportAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    await createReport(viewer.id, formObject(form, ["subjectType", "subjectId", "reason", "text"]) as TReportCreateInput);
    return { ok: true, message: "Thank you. A moderator will look at it — you won't be named to the member." };
  } catch (e) {
    return failure(e, form);
  }
}
