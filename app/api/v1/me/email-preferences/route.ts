import { getDb } from "@/lib/server/db";
import { apiRoute } from "@/lib/server/api/handler";
import { getEmailPrefsRoute, putEmailPrefsRoute } from "@/lib/server/api/spec/accounts";
import { findEmailPrefs } from "@/lib/server/queries/email-prefs";
import { updateEmailPrefs } from "@/lib/server/services/notifications/email-prefs";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const GET = apiRoute(getEmailPrefsRoute, async ({ viewer }) => findEmailPrefs(await getDb(), viewer.id));

// The answer is what the service stored, inside the write's own transaction.
export const PUT = apiRoute(putEmailPrefsRoute, async ({ viewer, body }) => updateEmailPrefs(await getDb(), { memberId: viewer.id, input: body }));

export const { POST, PATCH, DELETE } = methodsNotAllowed(["GET", "PUT"]);
