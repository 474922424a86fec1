import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";
import { apiRoute } from "@/lib/server/api/handler";
import { requestPasswordResetRoute } from "@/lib/server/api/spec/accounts";
import { requestPasswordReset } from "@/lib/server/services/accounts/password-reset";
import { RESET_REQUESTED_MESSAGE } from "@/lib/email/wording";
import { getDb } from "@/lib/server/db";

export const POST = apiRoute(requestPasswordResetRoute, async ({ body, now }) => {
  await requestPasswordReset(await getDb(), { input: body, now });
  return { message: RESET_REQUESTED_MESSAGE };
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
