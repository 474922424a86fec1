import crypto from "node:crypto";
import { routeName, type CallInit, type DiscoveredRoute } from "@/tests/support/api-routes";
import type { Db } from "@/lib/db/create-client";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { hashToken } from "@/lib/server/services/tokens/token-secret";
import { createAdmin, createMember, type FactoryMember } from "@/tests/factories/members";
import { createComment, createKudos, createPost } from "@/tests/factories/content";
import { createBlock, createConnection, createInteraction } from "@/tests/factories/relations";

/**
 * The cast of the authorization tests: X owns things; the others try to reach them.
 *  - other: an ordinary member with no relation to X
 *  - blocked: a member X has blocked
 *  - suspended: a suspended member
 *  - admin: an administrator (the API gives admins no extra powers over members' things)
 * Around X: Y has a pending request to X and logged a pending interaction about X; W is
 * connected to X. Every private thing of X's carries a marker that must never appear in
 * anyone else's responses.
 */
export const ROLES = ["anonymous", "other", "blocked", "suspended", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type World = {
  x: FactoryMember;
  y: FactoryMember;
  w: FactoryMember;
  members: Record<Exclude<Role, "anonymous">, FactoryMember>;
  tokens: Record<Role, string | undefined>;
  xToken: { id: string; token: string; hash: string };
  postX: string;
  commentX: string;
  kudosX: string;
  requestYX: string;
  logYX: string;
  logXW: string;
  /** strings that are X's private business */
  secrets: { email: string; tokenHash: string; notification: string; pendingLog: string; requestNote: string; logXW: string };
};

export async function buildWorld(db: Db, now: Date): Promise<World> {
  const tag = crypto.randomBytes(4).toString("hex");
  const secrets = {
    email: `owner.private.${tag}@example.test`,
    notification: `NOTIFICATION-SECRET-${tag}`,
    pendingLog: `PENDING-LOG-SECRET-${tag}`,
    requestNote: `REQUEST-NOTE-SECRET-${tag} — I enjoyed our chat about indexing at the meetup last week.`,
    logXW: `X-LOGGED-ABOUT-W-SECRET-${tag}`,
    tokenHash: "",
  };
  const x = await createMember({ email: secrets.email, name: "Xena Owner" });
  const y = await createMember({ name: "Yann Asker" });
  const w = await createMember({ name: "Wim Friend" });
  const other = await createMember({ name: "Otto Other" });
  const blocked = await createMember({ name: "Bea Blocked" });
  const suspended = await createMember({ name: "Sam Suspended", suspendedAt: now, suspendedReason: "spam" });
  const admin = await createAdmin({ name: "Ada Admin" });

  await createBlock(x.id, blocked.id);
  await createConnection(x.id, w.id);
  const post = await createPost({ authorId: x.id, body: "X's public post" });
  const comment = await createComment({ postId: post.id, authorId: x.id, body: "X's own comment" });
  const kudos = await createKudos({ authorId: x.id, recipientId: w.id, body: "Thanks, Wim!" });
  const request = await db.connectionRequest.create({
    data: {
      requesterId: y.id,
      recipientId: x.id,
      note: secrets.requestNote,
      pendingPairKey: y.id < x.id ? `${y.id}:${x.id}` : `${x.id}:${y.id}`,
      snapshot: {},
      expiresAt: new Date(now.getTime() + 30 * 86_400_000),
    },
  });
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 2));
  const logYX = await db.loggedInteraction.create({
    data: { actorId: y.id, targetId: x.id, platform: "event", kind: "met_in_person", occurredOn: day, summary: secrets.pendingLog },
  });
  await createInteraction({ actorId: y.id, targetId: x.id, kind: "logged_met", source: "logged", verification: "pending", loggedId: logYX.id, sourceKey: `logged:${logYX.id}` });
  const logXW = await db.loggedInteraction.create({
    data: { actorId: x.id, targetId: w.id, platform: "event", kind: "met_in_person", occurredOn: day, summary: secrets.logXW },
  });
  await db.notification.create({ data: { memberId: x.id, type: "introduced", data: { message: secrets.notification } } });

  const xToken = await createToken(db, { memberId: x.id, input: { name: "X's script" }, now });
  secrets.tokenHash = hashToken(xToken.token);
  const tokens: Record<Role, string | undefined> = { anonymous: undefined, other: "", blocked: "", suspended: "", admin: "" };
  const members = { other, blocked, suspended, admin };
  for (const role of ["other", "blocked", "suspended", "admin"] as const) {
    tokens[role] = (await createToken(db, { memberId: members[role].id, input: { name: role }, now })).token;
  }
  return {
    x, y, w, members, tokens,
    xToken: { id: xToken.id, token: xToken.token, hash: secrets.tokenHash },
    postX: post.id,
    commentX: comment.id,
    kudosX: kudos.id,
    requestYX: request.id,
    logYX: logYX.id,
    logXW: logXW.id,
    secrets,
  };
}

/** What X owns, read back: nothing another role does may change it. */
export async function ownerState(db: Db, w: World) {
  const [post, comment, kudos, token, request, logs, block, connection] = await Promise.all([
    db.post.findUniqueOrThrow({ where: { id: w.postX }, select: { deletedAt: true, body: true } }),
    db.comment.findUniqueOrThrow({ where: { id: w.commentX }, select: { deletedAt: true, body: true } }),
    db.kudos.findUniqueOrThrow({ where: { id: w.kudosX }, select: { deletedAt: true } }),
    db.apiToken.findUniqueOrThrow({ where: { id: w.xToken.id }, select: { revokedAt: true } }),
    db.connectionRequest.findUniqueOrThrow({ where: { id: w.requestYX }, select: { status: true } }),
    db.loggedInteraction.findMany({ where: { id: { in: [w.logYX, w.logXW] } }, select: { id: true, status: true }, orderBy: { id: "asc" } }),
    db.block.count({ where: { blockerId: w.x.id } }),
    db.connection.count({ where: { OR: [{ memberAId: w.x.id }, { memberBId: w.x.id }] } }),
  ]);
  const [member, policy] = await Promise.all([
    db.member.findUniqueOrThrow({ where: { id: w.x.id }, select: { email: true, name: true, headline: true, bio: true, role: true, suspendedAt: true, deleteAt: true, sessionVersion: true, emailPrefs: true } }),
    db.policy.findUnique({ where: { memberId: w.x.id } }),
  ]);
  return { post, comment, kudos, token, request, logs, block, connection, member, policy };
}

const today = () => new Date().toISOString().slice(0, 10);

/** The request each route gets: ids and handles point at X's things; bodies are valid. */
export function requestFor(route: DiscoveredRoute, w: World): CallInit {
  const name = routeName(route);
  const id =
    route.path.startsWith("/posts/") ? w.postX
    : route.path.startsWith("/comments/") ? w.commentX
    : route.path.startsWith("/kudos/") ? w.kudosX
    : route.path.startsWith("/tokens/") ? w.xToken.id
    : route.path.startsWith("/connection-requests/") ? w.requestYX
    : name === "POST /interactions/{id}/withdraw" ? w.logXW
    : w.logYX;
  const params = { id, handle: w.x.handle, path: "nowhere/at-all" };
  const bodies: Record<string, unknown> = {
    "POST /signup": { email: `new.${crypto.randomBytes(4).toString("hex")}@example.test`, password: "a long enough password", handle: `n_${crypto.randomBytes(4).toString("hex")}`, name: "New Person" },
    "POST /tokens": { email: w.x.email, password: "not X's password", name: "stolen" },
    "POST /password-resets": { email: w.x.email },
    "POST /password-resets/confirm": { token: "forged-token-forged-token-forged", password: "a long enough password" },
    "PATCH /me": { headline: "Just me" },
    "DELETE /me": { password: "not the caller's password" },
    "PUT /me/policy": { preset: "friendly" },
    "PUT /me/email-preferences": { requests: "never", answers: "instant", confirmations: "digest", introductions: "never" },
    "POST /me/policy/preview": { preset: "strict" },
    "POST /posts": { body: `Hello @${w.x.handle}` },
    "POST /posts/{id}/comments": { body: "Nice post" },
    "POST /posts/{id}/shares": { comment: "Worth reading" },
    "PUT /posts/{id}/reaction": { type: "like" },
    "PUT /comments/{id}/reaction": { type: "thanks" },
    "POST /members/{handle}/kudos": { body: "Thank you for the help!" },
    "POST /interactions": { target: w.x.handle, platform: "event", kind: "met_in_person", occurredOn: today() },
    "POST /connection-requests": { to: w.x.handle, note: "We met at the Postgres meetup and talked about indexing for an hour." },
    "POST /introductions": { introducedHandle: w.x.handle, introducedToHandle: w.w.handle, note: "You two should talk." },
    "POST /reports": { subjectType: "post", subjectId: w.postX, reason: "spam" },
    "POST /blocks": { handle: w.x.handle },
    "POST /connection-requests/{id}/decline": { reason: "not_yet" },
  };
  return { params, json: bodies[name], query: name === "GET /posts" ? `author=${w.x.handle}` : undefined };
}

