import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Tx } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import { getAppSettings } from "@/lib/server/settings";
import { lockPair } from "@/lib/server/services/locks";
import { emailIntroduced } from "@/lib/server/email/events";
import { notifyMany } from "@/lib/server/services/notifications/notify";
import { parseInput } from "@/lib/server/validation";
import { recordInteraction } from "@/lib/server/services/interactions/record-interaction";
import { ZIntroductionCreate, type TIntroductionCreateInput } from "@/lib/validation/introduction";
import { formatDate } from "@/lib/warmup/format-date";
import { DAY } from "@/lib/warmup/time";
import { isSuspendedAt } from "@/lib/warmup/suspension";

type Person = { id: string; handle: string; name: string; suspendedAt: Date | null; suspendedUntil: Date | null };

const first = (name: string) => name.split(" ")[0];

/**
 * A member connected to both A and B introduces A to B (PRODUCT §5). Stored with an
 * "introduction" interaction from A toward B in the same transaction; whether it counts is
 * B's policy's business (allowIntroductions), decided at evaluation time. At most one
 * introduction per pair (A to B or B to A) per cooldown (90 days by default), whoever makes
 * it, so a wide circle of friends cannot stack them.
 */
export async function introduce(db: Db, { introducerId, input, now }: { introducerId: string; input: TIntroductionCreateInput; now: Date }) {
  const data = parseInput(ZIntroductionCreate, input);
  return db.$transaction(async (tx) => {
    const people = await tx.member.findMany({
      where: { OR: [{ id: introducerId }, { handle: { in: [data.introducedHandle, data.introducedToHandle] } }] },
      select: { id: true, handle: true, name: true, suspendedAt: true, suspendedUntil: true },
    });
    const introducer = people.find((m) => m.id === introducerId);
    const a = people.find((m) => m.handle === data.introducedHandle);
    const b = people.find((m) => m.handle === data.introducedToHandle);
    if (!introducer) throw notFound("Your account");
    if (!a) throw memberNotFound("introducedHandle");
    if (!b) throw memberNotFound("introducedToHandle");
    if (a.id === introducer.id || b.id === introducer.id) {
      throw new AppError("self", "You can't introduce yourself — introduce two of your connections to each other.");
    }
    if (a.id === b.id) throw fieldIssue("validation", "introducedToHandle", "Choose someone else: a member can't be introduced to themselves.");

    await checkRelations(tx, introducer, a, b, now);

    // Serialises introductions of this pair, so the once-per-cooldown rule holds under races.
    await lockPair(tx, a.id, b.id);
    const settings = await getAppSettings(tx);
    const cooldownMs = settings.introductions.cooldownDays * DAY;
    const recent = await tx.introduction.findFirst({
      // "Per pair": A to B and B to A are the same two people meeting.
      where: {
        createdAt: { gt: new Date(now.getTime() - cooldownMs) },
        OR: [
          { introducedId: a.id, introducedToId: b.id },
          { introducedId: b.id, introducedToId: a.id },
        ],
      },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    if (recent) {
      const retryAt = new Date(recent.createdAt.getTime() + cooldownMs);
      throw new AppError(
        "conflict",
        `${a.name} and ${b.name} were already introduced on ${formatDate(recent.createdAt)}. One introduction per pair every ${settings.introductions.cooldownDays} days — you can introduce them again from ${formatDate(retryAt)}.`,
        { retryAt },
      );
    }

    const intro = await tx.introduction.create({
      data: { introducerId: introducer.id, introducedId: a.id, introducedToId: b.id, note: data.note, createdAt: now },
      select: { id: true, createdAt: true },
    });
    await recordInteraction(
      tx,
      {
        actorId: a.id,
        targetId: b.id,
        kind: "introduction",
        source: "introduction",
        occurredAt: now,
        verification: "verified",
        sourceKey: `introduction:${intro.id}`,
        introductionId: intro.id,
      },
      now,
    );

    const by = { handle: introducer.handle, name: introducer.name };
    await notifyMany(tx, [
      {
        memberId: b.id,
        type: "introduced",
        data: { introductionId: intro.id, role: "introduced_to", member: { handle: a.handle, name: a.name }, by, note: data.note, message: `${introducer.name} introduced ${a.name} to you.` },
        at: now,
      },
      {
        memberId: a.id,
        type: "introduced",
        data: { introductionId: intro.id, role: "introduced", member: { handle: b.handle, name: b.name }, by, note: data.note, message: `${introducer.name} introduced you to ${b.name}.` },
        at: now,
      },
    ]);
    for (const [member, other] of [[b, a], [a, b]] as const) {
      await emailIntroduced(tx, { introductionId: intro.id, memberId: member.id, byName: introducer.name, other: { name: other.name, handle: other.handle }, note: data.note, now });
    }
    return {
      id: intro.id,
      createdAt: intro.createdAt,
      introduced: { handle: a.handle, name: a.name },
      introducedTo: { handle: b.handle, name: b.name },
      message: `You introduced ${first(a.name)} to ${first(b.name)}.`,
    };
  });
}

/**
 * The facts that must hold right now: no block among the three (a block hides the members,
 * so it reads as "not found"), the introducer still connected to both, A and B not
 * connected yet, and nobody suspended.
 */
async function checkRelations(tx: Tx, introducer: Person, a: Person, b: Person, now: Date): Promise<void> {
  const ids = [introducer.id, a.id, b.id];
  const [block, connections] = await Promise.all([
    tx.block.findFirst({ where: { blockerId: { in: ids }, blockedId: { in: ids } }, select: { blockerId: true } }),
    tx.connection.findMany({ where: { memberAId: { in: ids }, memberBId: { in: ids } }, select: { memberAId: true, memberBId: true } }),
  ]);
  if (block) throw memberNotFound();
  const linked = (x: string, y: string) => connections.some((c) => (c.memberAId === x && c.memberBId === y) || (c.memberAId === y && c.memberBId === x));
  for (const m of [a, b]) {
    if (!linked(introducer.id, m.id)) {
      throw new AppError("forbidden", `You can only introduce people you're connected to, and you're not connected to ${m.name}.`);
    }
  }
  if (linked(a.id, b.id)) throw new AppError("already_connected", `${a.name} and ${b.name} are already connected.`);
  const away = [a, b].find((m) => isSuspendedAt(m, now));
  if (away) throw new AppError("forbidden", `${away.name} can't be introduced right now.`);
}

function memberNotFound(field?: string): AppError {
  const msg = "We couldn't find that member.";
  return new AppError("not_found", msg, field ? { fields: { [field]: [msg] } } : {});
}

function fieldIssue(code: "validation", field: string, message: string): AppError {
  return new AppError(code, message, { fields: { [field]: [message] } });
}
