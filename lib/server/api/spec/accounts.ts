import "server-only";
import { ZSignup, ZMeUpdate } from "@/lib/validation/member";
import { ZEmailPrefs, ZPasswordResetAccepted, ZPasswordResetConfirm, ZPasswordResetRequest } from "@/lib/validation/email";
import { ZPolicyOut, ZPolicyUpdate } from "@/lib/validation/policy";
import { page, ZPageQuery, ZPathId } from "@/lib/validation/api/common";
import { ZMe, ZPolicyPreview } from "@/lib/validation/api/member";
import { ZDashboard } from "@/lib/validation/api/social";
import { ZTokenCreated, ZTokenCreateWithPassword, ZTokenOut } from "@/lib/validation/api/token";
import { ZDeleteAccount } from "@/lib/validation/account";
import { ZAccountExport, ZDeletionScheduled } from "@/lib/validation/api/account";
import { defineRoute } from "../route-spec";

export const signupRoute = defineRoute({
  method: "POST",
  path: "/signup",
  operationId: "signUp",
  summary: "Create an account",
  description: "Rate-limited per network. Then create a token with POST /tokens.",
  tag: "Accounts",
  auth: "none",
  body: ZSignup,
  response: ZMe,
  status: 201,
  errors: ["validation", "already_exists", "rate_limited"],
});

export const createTokenRoute = defineRoute({
  method: "POST",
  path: "/tokens",
  operationId: "createToken",
  summary: "Create a personal access token with email and password",
  description:
    "The token is in the answer and never shown again. Failed attempts are throttled like sign-ins. An account with a second factor (passkey or authenticator app) is refused with 403: a password alone is not enough, so its tokens are made on the settings page.",
  tag: "Tokens",
  auth: "none",
  body: ZTokenCreateWithPassword,
  response: ZTokenCreated,
  status: 201,
  errors: ["validation", "unauthenticated", "suspended", "forbidden", "rate_limited", "conflict"],
});

export const listTokensRoute = defineRoute({
  method: "GET",
  path: "/tokens",
  operationId: "listTokens",
  summary: "List your active tokens (never their secrets)",
  tag: "Tokens",
  auth: "member",
  scope: "read",
  query: ZPageQuery,
  response: page(ZTokenOut),
});

export const revokeTokenRoute = defineRoute({
  method: "DELETE",
  path: "/tokens/{id}",
  operationId: "revokeToken",
  summary: "Revoke a token",
  tag: "Tokens",
  auth: "member",
  scope: "write:content",
  params: ZPathId,
  resource: "token",
  errors: ["not_found"],
});

export const getMeRoute = defineRoute({
  method: "GET",
  path: "/me",
  operationId: "getMe",
  summary: "Your own profile and account",
  tag: "Me",
  auth: "member",
  scope: "read",
  response: ZMe,
});

export const updateMeRoute = defineRoute({
  method: "PATCH",
  path: "/me",
  operationId: "updateMe",
  summary: "Update your profile and linked accounts",
  description:
    "Send only the fields to change; an empty string (or null) clears location and links. " +
    "`linkedAccounts.bluesky`: a new handle is resolved to its DID and gets a one-time code (in `linkedAccounts[].code`); " +
    "put the code in your Bluesky profile description and send the same handle again to verify it (400 naming the field while the code is not there; " +
    "503 `unavailable` when Bluesky cannot be reached); null unlinks. " +
    "`linkedAccounts.mastodon`: `@user@instance`; your profile links to the account with rel=\"me\", and Rapport reads the account on its instance " +
    "(`/api/v1/accounts/lookup`): once one of its profile fields links to your Rapport profile (the URL in `linkedAccounts[].code`), it is verified — " +
    "send the same address again to check again (an instance on a private address is refused, 400 naming the field; 503 when it cannot be reached); null unlinks. " +
    "`linkedAccounts.github`: `{\"login\": \"octocat\"}` resolves the account (stored by its numeric id, `githubId`) and gives a one-time code; put it in a gist of that account " +
    "and send `{\"gistUrl\": \"https://gist.github.com/octocat/<id>\"}` to verify it (400 naming the field when the gist is someone else's or lacks the code); " +
    "or, if you sign in to Rapport with GitHub, `{\"useSignIn\": true}` links that account at once (400 when you do not); 503 when GitHub cannot be reached; null unlinks. " +
    "Unlinking an account, or replacing a verified one with another, also forgets the open Found-for-you offers resting on it (yours found in its posts, and others' matched to it); " +
    "added and dismissed offers stay. " +
    "The networks are asked first; when one refuses, nothing of the request is stored (neither the other links nor the profile fields). " +
    "The answer is the account as this request stored it.",
  tag: "Me",
  auth: "member",
  scope: "write:content",
  body: ZMeUpdate,
  response: ZMe,
  errors: ["validation", "unavailable"],
});

export const deleteMeRoute = defineRoute({
  method: "DELETE",
  path: "/me",
  operationId: "deleteMe",
  summary: "Delete your account (after 14 days; signing in before then cancels it)",
  description:
    "Needs your password (throttled like sign-in). Every session ends at once; API tokens keep working until the erasure. " +
    "Until `deleteAt` your profile shows that you are leaving and refuses new connection requests (code `leaving`); " +
    "then the account and everything in it is erased. Asking again keeps the first date.",
  tag: "Me",
  auth: "member",
  scope: "write:content",
  body: ZDeleteAccount,
  response: ZDeletionScheduled,
  status: 202,
  errors: ["validation", "rate_limited"],
});

export const exportMeRoute = defineRoute({
  method: "GET",
  path: "/me/export",
  operationId: "exportMe",
  summary: "Download everything Rapport keeps about you, as one JSON file",
  description: "Sent as an attachment (Content-Disposition). Tokens appear by their prefix only; no password or token hash is ever included.",
  tag: "Me",
  auth: "member",
  scope: "read",
  response: ZAccountExport,
});

export const getPolicyRoute = defineRoute({
  method: "GET",
  path: "/me/policy",
  operationId: "getPolicy",
  summary: "Your networking protocol (warm-up policy)",
  tag: "Me",
  auth: "member",
  scope: "read",
  response: ZPolicyOut,
});

export const putPolicyRoute = defineRoute({
  method: "PUT",
  path: "/me/policy",
  operationId: "putPolicy",
  summary: "Choose a preset or custom rules",
  description:
    '`{"preset": "strict"}`, or `{"preset": "custom", minPoints, minInteractions, minDistinctDays, minSpanDays, requireConversation, requireReciprocity}`; ' +
    "freshnessDays, dailyPointCap, pendingLoggedCounts, allowIntroductions and minAccountAgeDays are optional (left out = unchanged).",
  tag: "Me",
  auth: "member",
  scope: "write:content",
  body: ZPolicyUpdate,
  response: ZPolicyOut,
  errors: ["validation"],
});

export const previewPolicyRoute = defineRoute({
  method: "POST",
  path: "/me/policy/preview",
  operationId: "previewPolicy",
  summary: "Preview draft rules on your pending requesters and recent contacts (nothing is saved)",
  description: "Takes the same body as PUT /me/policy.",
  tag: "Me",
  auth: "member",
  scope: "read",
  body: ZPolicyUpdate,
  response: ZPolicyPreview,
  errors: ["validation"],
});

export const getEmailPrefsRoute = defineRoute({
  method: "GET",
  path: "/me/email-preferences",
  operationId: "getEmailPreferences",
  summary: "Which emails you get, and when",
  description:
    "One choice per kind of news: `instant`, `digest` (the weekly digest) or `never` — the same choices as Settings → Notifications. " +
    "Emails about your account (confirming your address, resetting your password) are always sent, and in-app notifications always stay on.",
  tag: "Me",
  auth: "member",
  scope: "read",
  response: ZEmailPrefs,
});

export const putEmailPrefsRoute = defineRoute({
  method: "PUT",
  path: "/me/email-preferences",
  operationId: "putEmailPreferences",
  summary: "Choose which emails you get, and when",
  description:
    "Send every category, as GET answers them (change the ones you want and send the rest back). " +
    "A missing, unknown or bad one is a 400 naming it, and nothing changes. The answer is what was stored.",
  tag: "Me",
  auth: "member",
  scope: "write:content",
  body: ZEmailPrefs,
  response: ZEmailPrefs,
  errors: ["validation"],
});

export const dashboardRoute = defineRoute({
  method: "GET",
  path: "/me/dashboard",
  operationId: "getDashboard",
  summary: "Your home page: incoming requests, ready to connect, warming up, waiting on them, recent activity",
  tag: "Me",
  auth: "member",
  scope: "read",
  response: ZDashboard,
});

export const requestPasswordResetRoute = defineRoute({
  method: "POST",
  path: "/password-resets",
  operationId: "requestPasswordReset",
  summary: "Email a password-reset link",
  description:
    "Always 202 with the same answer, whether or not the address has an account. The link works once, for 30 minutes. " +
    "At most 3 emails per address and 5 per account an hour; beyond that nothing more is sent.",
  tag: "Accounts",
  auth: "none",
  body: ZPasswordResetRequest,
  response: ZPasswordResetAccepted,
  status: 202,
  errors: ["validation"],
});

export const confirmPasswordResetRoute = defineRoute({
  method: "POST",
  path: "/password-resets/confirm",
  operationId: "confirmPasswordReset",
  summary: "Set a new password with the token from a reset email",
  description: "Signs out every session of the account. An expired, used or unknown token is a 400 naming `token`, and nothing changes.",
  tag: "Accounts",
  auth: "none",
  body: ZPasswordResetConfirm,
  errors: ["validation"],
});
