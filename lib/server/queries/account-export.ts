import "server-only";
import type { Tx } from "@/lib/server/db";

const MEMBER_REF = { select: { id: true, handle: true, name: true } } as const;

/**
 * "Download my data": everything Rapport keeps about the member, read only. Every table that
 * references the member is here (tests/integration/accounts/export.test.ts walks the schema's
 * relations, so a new one cannot be forgotten), except what is someone else's or derived:
 * who blocked the member (a block is never revealed) and others' stored progress toward them.
 * No secret leaves: no password hash, no token hash (tokens by their prefix only), no passkey
 * public key or counter, no TOTP secret, no recovery code hash.
 */
export async function exportAccount(db: Tx, { memberId, now }: { memberId: string; now: Date }) {
  const id = memberId;
  const m = await db.member.findUniqueOrThrow({
    where: { id },
    omit: { passwordHash: true, sessionVersion: true },
    include: {
      policy: true,
      accounts: { select: { provider: true, providerAccountId: true } },
      // the one-time code is a throwaway proof, not data about the member: left out
      linkedAccounts: { select: { network: true, handle: true, externalId: true, verifiedAt: true, createdAt: true } },
    },
  });
  const { policy, accounts, linkedAccounts, ...profile } = m;
  const [tokens, posts, comments, reactions, kudosGiven, kudosReceived, loggedByMe, loggedAboutMe, interactionsOut, interactionsIn] = await Promise.all([
    db.apiToken.findMany({ where: { memberId: id }, select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true }, orderBy: { createdAt: "asc" } }),
    db.post.findMany({ where: { authorId: id }, orderBy: { createdAt: "asc" } }),
    db.comment.findMany({ where: { authorId: id }, orderBy: { createdAt: "asc" } }),
    db.reaction.findMany({ where: { memberId: id }, orderBy: { createdAt: "asc" } }),
    db.kudos.findMany({ where: { authorId: id }, include: { recipient: MEMBER_REF }, orderBy: { createdAt: "asc" } }),
    db.kudos.findMany({ where: { recipientId: id }, include: { author: MEMBER_REF }, orderBy: { createdAt: "asc" } }),
    db.loggedInteraction.findMany({ where: { actorId: id }, include: { target: MEMBER_REF }, orderBy: { createdAt: "asc" } }),
    db.loggedInteraction.findMany({ where: { targetId: id }, include: { actor: MEMBER_REF }, orderBy: { createdAt: "asc" } }),
    db.interaction.findMany({ where: { actorId: id }, include: { target: MEMBER_REF }, orderBy: { occurredAt: "asc" } }),
    db.interaction.findMany({ where: { targetId: id }, include: { actor: MEMBER_REF }, orderBy: { occurredAt: "asc" } }),
  ]);
  const [passkeys, authenticatorApp, interactionOffers] = await Promise.all([
    db.passkey.findMany({ where: { memberId: id }, select: { id: true, name: true, transports: true, createdAt: true, lastUsedAt: true }, orderBy: { createdAt: "asc" } }),
    db.totpFactor.findUnique({ where: { memberId: id }, select: { confirmedAt: true, lastUsedAt: true, createdAt: true } }),
    // "Found for you": posts of the member's that Rapport offered for logging, and what they decided
    db.interactionOffer.findMany({ where: { actorId: id }, include: { target: MEMBER_REF }, orderBy: { createdAt: "asc" } }),
  ]);
  const [requestsSent, requestsReceived, connections, blocksMade, notifications, introductions, reports, relationshipSummaries, auditEvents, emails] = await Promise.all([
    db.connectionRequest.findMany({ where: { requesterId: id }, include: { recipient: MEMBER_REF }, orderBy: { createdAt: "asc" } }),
    db.connectionRequest.findMany({ where: { recipientId: id }, include: { requester: MEMBER_REF }, orderBy: { createdAt: "asc" } }),
    db.connection.findMany({ where: { OR: [{ memberAId: id }, { memberBId: id }] }, include: { memberA: MEMBER_REF, memberB: MEMBER_REF }, orderBy: { createdAt: "asc" } }),
    db.block.findMany({ where: { blockerId: id }, include: { blocked: MEMBER_REF }, orderBy: { createdAt: "asc" } }),
    db.notification.findMany({ where: { memberId: id }, orderBy: { createdAt: "asc" } }),
    db.introduction.findMany({
      where: { OR: [{ introducerId: id }, { introducedId: id }, { introducedToId: id }] },
      include: { introducer: MEMBER_REF, introduced: MEMBER_REF, introducedTo: MEMBER_REF },
      orderBy: { createdAt: "asc" },
    }),
    db.report.findMany({ where: { reporterId: id }, omit: { openKey: true }, orderBy: { createdAt: "asc" } }),
    db.relationshipSummary.findMany({ where: { requesterId: id }, include: { recipient: MEMBER_REF } }),
    db.auditEvent.findMany({ where: { OR: [{ actorId: id }, { subjectType: "member", subjectId: id }] }, orderBy: { createdAt: "asc" } }),
    db.emailOutbox.findMany({
      where: { memberId: id },
      select: { category: true, recipient: true, subject: true, status: true, createdAt: true, sentAt: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return {
    format: "rapport-account-export/1",
    exportedAt: now,
    profile,
    policy,
    oauthAccounts: accounts,
    linkedAccounts,
    tokens,
    passkeys,
    authenticatorApp,
    posts,
    comments,
    reactions,
    kudosGiven,
    kudosReceived,
    loggedByMe,
    loggedAboutMe,
    interactionsOut,
    interactionsIn,
    interactionOffers,
    requestsSent,
    requestsReceived,
    connections: connections.map(({ memberA, memberB, ...c }) => ({ ...c, with: memberA.id === id ? memberB : memberA })),
    blocksMade,
    notifications,
    introductions,
    reports,
    relationshipSummaries,
    auditEvents,
    emails,
  };
}

export type AccountExport = Awaited<ReturnType<typeof exportAccount>>;
