import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportAccount, type AccountExport } from "@/lib/server/queries/account-export";
import { createKudos } from "@/tests/factories/content";
import { createInteraction } from "@/tests/factories/relations";
import { useTestDatabase } from "@/tests/support/test-database";
import { buildWorld } from "@/tests/integration/security/world";
import { get } from "@/tests/integration/api/http";
import { tableFingerprint } from "@/tests/support/table-counts";
import { encode } from "next-auth/jwt";
import { authSecret } from "@/lib/server/auth/secret";
import { sessionCookieName } from "@/lib/server/auth/cookies";

const t = useTestDatabase();

/**
 * Every relation of the Member model in prisma/schema.prisma — i.e. every table that
 * references a member — must be in the export, or be named here with the reason it is left
 * out. A new table that points at members fails this test until it is decided.
 */
const EXPORTED: Record<string, keyof AccountExport> = {
  accounts: "oauthAccounts",
  policy: "policy",
  tokens: "tokens",
  posts: "posts",
  comments: "comments",
  reactions: "reactions",
  kudosGiven: "kudosGiven",
  kudosReceived: "kudosReceived",
  loggedByMe: "loggedByMe",
  loggedAboutMe: "loggedAboutMe",
  interactionsOut: "interactionsOut",
  interactionsIn: "interactionsIn",
  requestsSent: "requestsSent",
  requestsReceived: "requestsReceived",
  connectionsA: "connections",
  connectionsB: "connections",
  blocksMade: "blocksMade",
  notifications: "notifications",
  introductionsMade: "introductions",
  introducedAs: "introductions",
  introducedTo: "introductions",
  reports: "reports",
  summariesOut: "relationshipSummaries",
  passkeys: "passkeys",
  totp: "authenticatorApp",
  linkedAccounts: "linkedAccounts",
  offersMade: "interactionOffers",
};
const LEFT_OUT: Record<string, string> = {
  blocksGot: "who blocked the member: a block is never revealed",
  offersAbout: "another member's private suggestions, made from their own feed: theirs until they add one (then it is in loggedAboutMe)",
  summariesIn: "others' stored progress toward the member: theirs, and derived from interactions that are exported",
  recoveryCodes: "single-use recovery codes, stored hashed: secrets of no use outside Rapport (how many are left shows on /settings/security)",
  emailTokens: "single-use verification and reset links, stored hashed: secrets of no use outside Rapport (the emails that carried them are listed under `emails`)",
};

function memberRelations(): string[] {
  const schema = fs.readFileSync(path.resolve(import.meta.dirname, "../../../prisma/schema.prisma"), "utf8");
  const body = /model Member \{([\s\S]*?)\n\}/.exec(schema)![1];
  const models = new Set([...schema.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]));
  return body
    .split("\n")
    .map((l) => /^\s+(\w+)\s+(\w+)(\[\]|\?)?/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null && models.has(m[2]))
    .map((m) => m[1]);
}

describe("download my data", () => {
  it("covers every table that references a member (walked from the schema)", () => {
    const relations = memberRelations();
    expect(relations.length).toBeGreaterThanOrEqual(25);
    expect(relations.filter((r) => !(r in EXPORTED) && !(r in LEFT_OUT)), "Member relations neither exported nor left out with a reason").toEqual([]);
    expect([...Object.keys(EXPORTED), ...Object.keys(LEFT_OUT)].filter((r) => !relations.includes(r)), "stale entries").toEqual([]);
  });

  it("holds a row from every exported table, reads only, and no secret", async () => {
    const now = new Date();
    const w = await buildWorld(t.db, now);
    const { x, y } = w;
    const other = w.members.other;
    // one row in each table the world leaves empty for X
    await t.db.reaction.create({ data: { memberId: x.id, postId: w.postX, type: "insightful" } });
    await createKudos({ authorId: w.w.id, recipientId: x.id, body: "Thanks for the intro, Xena!" });
    await createInteraction({ actorId: x.id, targetId: other.id, kind: "comment" });
    await t.db.connectionRequest.create({
      data: { requesterId: x.id, recipientId: other.id, note: "x asks", snapshot: { policy: "standard" }, expiresAt: new Date(now.getTime() + 86_400_000), pendingPairKey: [x.id, other.id].sort().join(":") },
    });
    await t.db.introduction.create({ data: { introducerId: x.id, introducedId: w.w.id, introducedToId: y.id, note: "You two should talk." } });
    await t.db.report.create({ data: { reporterId: x.id, subjectType: "member", subjectId: other.id, reason: "spam", text: "x reports" } });
    await t.db.oauthAccount.create({ data: { memberId: x.id, provider: "github", providerAccountId: "12345" } });
    await t.db.linkedAccount.create({ data: { memberId: x.id, network: "bluesky", handle: "xena.bsky.social", externalId: "did:plc:xena5xena5xena5xena5xena", code: "rapport-secret1", verifiedAt: now } });
    await t.db.interactionOffer.create({ data: { actorId: x.id, targetId: y.id, network: "bluesky", postUri: "at://did:plc:xena5xena5xena5xena5xena/app.bsky.feed.post/3lbx", postUrl: "https://bsky.app/profile/xena.bsky.social/post/3lbx", kind: "reply", occurredAt: now } });
    await t.db.block.create({ data: { blockerId: other.id, blockedId: x.id } }); // someone blocked X: never in X's export
    await t.db.passkey.create({ data: { id: "x-passkey", memberId: x.id, publicKey: Buffer.from("x's public key"), counter: 3n, name: "X's laptop", createdAt: now } });
    await t.db.totpFactor.create({ data: { memberId: x.id, secretSealed: "v1.sealed-x-secret", confirmedAt: now, createdAt: now } });
    await t.db.recoveryCode.create({ data: { memberId: x.id, codeHash: "f".repeat(64), createdAt: now } });

    // With the browser's session (a bearer token's use is recorded on the token, by design).
    const cookie = `${sessionCookieName()}=${await encode({ token: { sub: x.id, sv: 0 }, secret: authSecret() })}`;
    const before = await tableFingerprint(t.opened);
    const res = await get("/api/v1/me/export", { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="rapport-${x.handle}-\\d{4}-\\d{2}-\\d{2}\\.json"$`));
    expect(await tableFingerprint(t.opened), "a GET writes nothing").toEqual(before);

    const data = res.body as Record<string, unknown>;
    for (const key of new Set(Object.values(EXPORTED))) {
      const v = data[key];
      expect(v, key).toBeTruthy();
      if (Array.isArray(v)) expect(v.length, `${key} has X's rows`).toBeGreaterThan(0);
    }
    expect((data.profile as { email: string }).email).toBe(w.secrets.email);
    expect((data.requestsSent as { snapshot: unknown }[])[0].snapshot).toEqual({ policy: "standard" });
    expect((data.tokens as { prefix: string }[]).map((tk) => tk.prefix)).toContain(w.xToken.token.slice(4, 12));
    expect((data.blocksMade as { blockedId: string }[]).map((b) => b.blockedId)).toEqual([w.members.blocked.id]);

    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/argon2|passwordHash|password_hash|tokenHash|token_hash|sessionVersion/i);
    expect(text).not.toContain(w.xToken.hash);
    expect(text).not.toContain(w.xToken.token);
    expect(text).not.toMatch(/\b[0-9a-f]{64}\b/);
    expect(text).not.toContain("sealed-x-secret");
    expect(text).not.toContain(Buffer.from("x's public key").toString("base64"));
    expect((data.passkeys as { name: string }[]).map((p) => p.name)).toEqual(["X's laptop"]);
    // nothing of someone else's private business: Y's note about X is X's (loggedAboutMe), other members' tokens are not
    expect(text).toContain(w.secrets.pendingLog);
    expect(text).not.toContain(w.tokens.other!);
  });

  it("of another member holds none of X's private things", async () => {
    const w = await buildWorld(t.db, new Date());
    const data = await exportAccount(t.db, { memberId: w.members.other.id, now: new Date() });
    const text = JSON.stringify(data);
    for (const secret of [w.secrets.email, w.secrets.notification, w.secrets.logXW, w.secrets.requestNote]) expect(text).not.toContain(secret);
  });
});
