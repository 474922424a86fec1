import { getDb } from "@/lib/server/db";
import { apiRoute } from "@/lib/server/api/handler";
import { previewPolicyRoute } from "@/lib/server/api/spec/accounts";
import { getAppSettings } from "@/lib/server/settings";
import { policyFromRow } from "@/lib/server/queries/policy";
import { protocolPreview } from "@/lib/server/queries/protocol-preview";
import { draftPolicy } from "@/lib/server/services/policy/update-policy";
import { describePolicy } from "@/lib/warmup/describe";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const POST = apiRoute(previewPolicyRoute, async ({ viewer, body, now }) => {
  const db = await getDb();
  const [row, settings] = await Promise.all([db.policy.findUnique({ where: { memberId: viewer.id } }), getAppSettings(db)]);
  const current = policyFromRow(row, settings);
  const draft = draftPolicy(row, body, settings);
  const rows = await protocolPreview(db, { memberId: viewer.id, current, draft, now });
  return {
    description: describePolicy(draft),
    rows: rows.map(({ memberId, handle, name, ...r }) => ({ member: { id: memberId, handle, name }, ...r })),
  };
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
