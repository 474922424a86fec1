import { apiRoute } from "@/lib/server/api/handler";
import { meOut } from "@/lib/server/api/present/me";
import { signupRoute } from "@/lib/server/api/spec/accounts";
import { signUp } from "@/lib/server/services/accounts/sign-up";
import { getDb } from "@/lib/server/db";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const POST = apiRoute(signupRoute, async ({ body, ip, now }) => {
  return meOut(await signUp(await getDb(), { input: body, ip, now }));
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
