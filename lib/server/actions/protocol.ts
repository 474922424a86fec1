"use server";
import { revalidatePath } from "next/cache";
import { failure, type ActionState } from "@/lib/server/action-result";
import { requireMember } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";
import { AppError } from "@/lib/server/errors";
import { getAppSettings } from "@/lib/server/settings";
import { protocolPreview, type PreviewRow } from "@/lib/server/queries/protocol-preview";
import { policyFromRow } from "@/lib/server/queries/policy";
import { draftPolicy, parsePolicyUpdate, updatePolicy } from "@/lib/server/services/policy/update-policy";
import { describePolicy } from "@/lib/warmup/describe";
import { protocolFormObject } from "@/lib/validation/protocol-form";

export async function savePolicyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    const policy = await updatePolicy(await getDb(), { memberId: viewer.id, input: protocolFormObject(form), now: systemNow() });
    revalidatePath("/settings/protocol");
    revalidatePath(`/u/${viewer.handle}`);
    return { ok: true, message: `Protocol saved. ${describePolicy(policy)}` };
  } catch (e) {
    return failure(e, form);
  }
}

export type PreviewResult = { description: string; rows: PreviewRow[]; fields?: Record<string, string[]> };

/** The live preview: how my contacts would be judged under the rules being edited (nothing saved). */
export async function previewPolicyAction(values: Record<string, string>): Promise<PreviewResult> {
  const viewer = await requireMember();
  const db = await getDb();
  let update;
  try {
    update = parsePolicyUpdate(protocolFormObject(values));
  } catch (e) {
    if (e instanceof AppError) return { description: "", rows: [], fields: e.fields };
    throw e;
  }
  const [row, settings] = await Promise.all([db.policy.findUnique({ where: { memberId: viewer.id } }), getAppSettings(db)]);
  const current = policyFromRow(row, settings);
  const draft = draftPolicy(row, update, settings);
  return { description: describePolicy(draft), rows: await protocolPreview(db, { memberId: viewer.id, current, draft, now: systemNow() }) };
}
