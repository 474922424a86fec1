import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";
import { apiRoute } from "@/lib/server/api/handler";
import { confirmPasswordResetRoute } from "@/lib/server/api/spec/accounts";
import { resetPassword } from "@/lib/server/services/accounts/password-reset";
import { getDb } from "@/lib/server/db";

export const POST = apiRoute(confirmPasswordResetRoute, async ({ body, now }) => {
  await resetPassword(await getDb(), { input: body, now });
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
