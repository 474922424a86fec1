import { apiRoute } from "@/lib/server/api/handler";
import { loadMe } from "@/lib/server/api/lookups";
import { signupRoute } from "@/lib/server/api/spec/accounts";
import { signUp } from "@/lib/server/services/accounts/sign-up";

export const POST = apiRoute(signupRoute, async ({ body, ip, now }) => {
  const created = await signUp(body, ip, now);
  return loadMe(created.id);
});
