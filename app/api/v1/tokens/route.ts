import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { loadViewer } from "@/lib/server/auth/viewer";
import { apiRoute } from "@/lib/server/api/handler";
import { decodeOffset, slicePage } from "@/lib/server/api/cursor";
import { presentToken } from "@/lib/server/api/present/token";
import { createTokenRoute, listTokensRoute } from "@/lib/server/api/spec/accounts";
import { signInWithPassword } from "@/lib/server/services/accounts/sign-in";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { listTokens } from "@/lib/server/queries/tokens";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const POST = apiRoute(createTokenRoute, async ({ body, ip, now }) => {
  // The same check and throttling as signing in on the web.
  const signIn = await signInWithPassword(await getDb(), { input: { email: body.email, password: body.password }, ip, now });
  if (!signIn.ok) throw signIn.error;
  // A password alone is not enough for an account with a second factor: such tokens are made on /settings/tokens.
  if (signIn.secondFactor) {
    throw new AppError("forbidden", "This account uses a second factor, so a password alone can't create a token. Create one on the API tokens settings page.");
  }
  const viewer = await loadViewer(signIn.memberId, now);
  if (!viewer) throw new AppError("unauthenticated", "That email and password don't match an account.");
  if (viewer.suspended) throw new AppError("suspended", "Your account is suspended, so it can't create API tokens.");
  const t = await createToken(await getDb(), { memberId: viewer.id, input: { name: body.name, scopes: body.scopes, expiresInDays: body.expiresInDays }, now });
  return { ...presentToken(t), token: t.token };
});

export const GET = apiRoute(listTokensRoute, async ({ viewer, query }) => {
  const tokens = await listTokens(await getDb(), { memberId: viewer.id }); // at most MAX_ACTIVE_TOKENS
  const pg = slicePage(tokens, decodeOffset(query.cursor), query.limit);
  return { items: pg.items.map(presentToken), nextCursor: pg.nextCursor };
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
