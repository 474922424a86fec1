"use server";
import { submitOnce } from "@/lib/server/idempotency/submission";
import { failure, type ActionState } from "@/lib/server/action-result";
import { requireMember } from "@/lib/server/auth/session";
import { createReport } from "@/lib/server/services/reports/create-report";
import { formObject } from "@/lib/validation/form-data";
import type { TReportCreateInput } from "@/lib/validation/report";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";

/** The Report control (components/reports/report-form.tsx) and the /report page. */
export async function reportAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    const now = systemNow();
    await submitOnce(form, { caller: viewer.id, action: "report", now }, async () => {
      await createReport(await getDb(), { reporterId: viewer.id, input: formObject(form, ["subjectType", "subjectId", "reason", "text"]) as TReportCreateInput, now });
    });
    return { ok: true, message: "Thank you. A moderator will look at it — you won't be named to the member." };
  } catch (e) {
    return failure(e, form);
  }
}
