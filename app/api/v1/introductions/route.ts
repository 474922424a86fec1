import { apiRoute } from "@/lib/server/api/handler";
import { iso } from "@/lib/server/api/present/common";
import { introduceRoute } from "@/lib/server/api/spec/members";
import { introduce } from "@/lib/server/services/introductions/introduce";
import { getDb } from "@/lib/server/db";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const POST = apiRoute(introduceRoute, async ({ viewer, body, now }) => {
  const intro = await introduce(await getDb(), { introducerId: viewer.id, input: body, now });
  return { ...intro, createdAt: iso(intro.createdAt) };
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
