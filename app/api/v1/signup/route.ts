import { apiRoute } from "@/lib/server/api/handler";
import { loadMe } from "@/lib/server/api/lookups";
import { signupRoute } from "@/lib/server/api/spec/accounts";
import { signUp } from "@/lib/server/services/accounts/sign-up";
import { getDb } from "@/lib/server/db";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const POST = apiRoute(signupRoute, async ({ body, ip, now }) => {
  const created = await signUp(await getDb(), { input: body, ip, now });
  return loadMe(created.id);
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
