import "server-only";
import crypto from "node:crypto";
import type { Db } from "@/lib/db/create-client";
import type { Tx } from "@/lib/server/db";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { EPOCH } from "@/lib/server/services/summaries/refresh-pairs";

/**
 * Erases one member whose deletion date has passed, in one transaction, or does nothing (the
 * member is gone already, or signed in and kept the account): safe to run twice or from two
 * workers at once — the member row is locked first and the date checked under the lock.
 *
 * Deleting the member row takes everything that references it (foreign keys ON DELETE
 * CASCADE): profile, protocol, OAuth links, tokens, posts with their comments and reactions,
 * their comments and reactions elsewhere, kudos, interactions and logged interactions either
 * way, requests either way with their snapshots, connections, blocks, introductions,
 * notifications, reports they filed, and relationship summaries either way — so others'
 * warm-ups with them disappear. What has no foreign key is cleared here: other members'
 * notifications naming them (in whichever shape, see NAMES_MEMBER), their stored idempotent
 * answers and sign-in attempts (keyed by email), and the audit trail, which keeps its events
 * under an opaque id with no email or name. Summaries of their former connections are marked stale (mutual connections changed).
 */
export async function eraseAccount(db: Db, { memberId, now }: { memberId: string; now: Date }): Promise<{ erased: boolean; opaqueId?: string }> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; email: string; handle: string }[]>`
      SELECT id, email, handle FROM member WHERE id = ${memberId} AND delete_at <= ${now} FOR UPDATE`;
    const m = rows[0];
    if (!m) return { erased: false };
    const opaqueId = `erased_${crypto.randomBytes(12).toString("hex")}`;

    const connections = await tx.connection.findMany({ where: { OR: [{ memberAId: m.id }, { memberBId: m.id }] }, select: { memberAId: true, memberBId: true } });
    const formerConnections = connections.map((c) => (c.memberAId === m.id ? c.memberBId : c.memberAId));

    await tx.$executeRaw`
      DELETE FROM notification WHERE member_id <> ${m.id}
      AND jsonb_path_exists(data, ${NAMES_MEMBER}::jsonpath, jsonb_build_object('id', ${m.id}::text, 'handle', ${m.handle}::text))`;
    await tx.idempotencyKey.deleteMany({ where: { caller: m.id } });
    await tx.authAttempt.deleteMany({ where: { key: { in: [m.email, m.id] } } });
    // Messages to them (sent or waiting) hold their address and words about them.
    await tx.emailOutbox.deleteMany({ where: { OR: [{ memberId: m.id }, { recipient: m.email }] } });
    await scrubAudit(tx, m.id, opaqueId);
    await tx.member.delete({ where: { id: m.id } });
    if (formerConnections.length) {
      await tx.$executeRaw`
        UPDATE relationship_summary SET stale = true, valid_until = ${EPOCH}
        WHERE requester_id = ANY(${formerConnections}::text[]) OR recipient_id = ANY(${formerConnections}::text[])`;
    }
    await recordAudit(tx, { actorId: null, action: "account.erased", subjectType: "member", subjectId: opaqueId, at: now });
    return { erased: true, opaqueId };
  });
}

/**
 * A notification names a member when its data holds their id as any value, or their handle under
 * any key ending in "handle" (`member.handle`, `by.handle`, `byHandle`, `handle`, …), at any
 * depth: every producer's shape, and a new one that follows notify.ts's convention, with no
 * list to keep up to date. Only handle keys, so a handle that happens to equal some other value
 * (a platform, a reason) takes nothing else.
 */
const NAMES_MEMBER = `$.** ? (@ == $id || @.type() == "object" && exists(@.keyvalue() ? (@.key like_regex "handle$" flag "i" && @.value == $handle)))`;

/** The member's own events lose what they said (token names, protocol values); every event names them only by the opaque id. */
async function scrubAudit(tx: Tx, memberId: string, opaqueId: string): Promise<void> {
  await tx.$executeRaw`UPDATE audit_event SET data = '{}'::jsonb WHERE actor_id = ${memberId}`;
  await tx.$executeRaw`UPDATE audit_event SET actor_id = ${opaqueId} WHERE actor_id = ${memberId}`;
  await tx.$executeRaw`UPDATE audit_event SET subject_id = ${opaqueId} WHERE subject_id = ${memberId}`;
}

/**
 * The accounts.erase job: members past their deletion date, oldest first, `batch` at a time
 * (each in its own transaction), until none is left or `maxBatches` are done.
 */
export async function eraseDueAccounts(db: Db, { now, batch = 50, maxBatches = 20 }: { now: Date; batch?: number; maxBatches?: number }): Promise<{ erased: number }> {
  let erased = 0;
  for (let i = 0; i < maxBatches; i++) {
    const due = await db.member.findMany({ where: { deleteAt: { lte: now } }, orderBy: { deleteAt: "asc" }, take: batch, select: { id: true } });
    for (const { id } of due) if ((await eraseAccount(db, { memberId: id, now })).erased) erased++;
    if (due.length < batch) break;
  }
  return { erased };
}
