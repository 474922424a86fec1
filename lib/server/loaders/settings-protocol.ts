import "server-only";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";
import { policyFromRow } from "@/lib/server/queries/policy";
import { protocolPreview } from "@/lib/server/queries/protocol-preview";
import { fieldErrorsOf } from "@/lib/validation/form-data";
import { ZPolicyUpdate } from "@/lib/validation/policy";
import { requireMemberPage } from "@/lib/server/auth/session";
import { appSettings } from "./request-cache";

/**
 * /settings/protocol: the protocol in force, the draft the form submitted (without
 * JavaScript, "Preview these rules" submits it as a query string) or its field errors, and
 * how the people warming up to the viewer fare under each.
 */
export async function loadProtocolSettingsPage(p: { draft: Record<string, unknown> | null }) {
  const viewer = await requireMemberPage();
  const now = systemNow();
  const db = await getDb();
  const [row, settings] = await Promise.all([db.policy.findUnique({ where: { memberId: viewer.id } }), appSettings()]);
  const current = policyFromRow(row, settings);
  let draft = current;
  let errors: Record<string, string[]> | undefined;
  if (p.draft) {
    const parsed = ZPolicyUpdate.safeParse(p.draft);
    if (parsed.success) draft = policyFromRow({ ...(row ?? {}), ...parsed.data }, settings);
    else errors = fieldErrorsOf(parsed.error);
  }
  const rows = await protocolPreview(db, { memberId: viewer.id, current, draft, now });
  return { viewer, settings, current, draft, errors, rows };
}
