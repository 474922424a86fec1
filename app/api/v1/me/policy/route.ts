import { getDb } from "@/lib/server/db";
import { apiRoute } from "@/lib/server/api/handler";
import { getPolicyRoute, putPolicyRoute } from "@/lib/server/api/spec/accounts";
import { loadPolicy } from "@/lib/server/queries/policy";
import { updatePolicy } from "@/lib/server/services/policy/update-policy";
import { describePolicy } from "@/lib/warmup/describe";
import { getAppSettings } from "@/lib/server/settings";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const GET = apiRoute(getPolicyRoute, async ({ viewer }) => {
  const db = await getDb();
  const policy = await loadPolicy(db, { memberId: viewer.id, settings: await getAppSettings(db) });
  return { ...policy, description: describePolicy(policy) };
});

export const PUT = apiRoute(putPolicyRoute, async ({ viewer, body, now }) => {
  const policy = await updatePolicy(await getDb(), { memberId: viewer.id, input: body, now });
  return { ...policy, description: describePolicy(policy) };
});

export const { POST, PATCH, DELETE } = methodsNotAllowed(["GET", "PUT"]);
