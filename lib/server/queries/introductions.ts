import "server-only";
import { noBlockWith } from "@/lib/server/queries/member-visibility";
import { DAY } from "@/lib/warmup/time";
import { isSuspendedAt } from "@/lib/warmup/suspension";
import type { Tx } from "@/lib/server/db";
import { getAppSettings } from "@/lib/server/settings";


export type IntroMember = { id: string; handle: string; name: string };

export type IntroductionItem = {
  id: string;
  introducer: IntroMember;
  introduced: IntroMember;
  introducedTo: IntroMember;
  note: string;
  createdAt: Date;
};

const MEMBER = { select: { id: true, handle: true, name: true } } as const;

/**
 * Whom the viewer may introduce the profile's member (A) to, in five queries whatever the
 * size of their networks: the viewer's connections who are not A, not connected to A, not
 * blocked by or blocking A, not suspended, and to whom A was not introduced within the
 * cooldown. Empty unless the viewer is connected to A.
 */
export async function eligibleIntroductionTargets(
  db: Tx,
  p: { viewerId: string; profileMemberId: string; now: Date },
): Promise<IntroMember[]> {
  const { viewerId, profileMemberId } = p;
  if (viewerId === profileMemberId) return [];
  const { now } = p;
  const pair = [viewerId, profileMemberId];
  const [settings, viewerConnections, profileConnections, blocks] = await Promise.all([
    getAppSettings(db),
    db.connection.findMany({
      where: { OR: [{ memberAId: viewerId }, { memberBId: viewerId }] },
      select: {
        memberA: { select: { id: true, handle: true, name: true, suspendedAt: true, suspendedUntil: true } },
        memberB: { select: { id: true, handle: true, name: true, suspendedAt: true, suspendedUntil: true } },
      },
    }),
    db.connection.findMany({
      where: { OR: [{ memberAId: profileMemberId }, { memberBId: profileMemberId }] },
      select: { memberAId: true, memberBId: true },
    }),
    db.block.findMany({
      where: { OR: [{ blockerId: { in: pair } }, { blockedId: { in: pair } }] },
      select: { blockerId: true, blockedId: true },
    }),
  ]);
  const mine = viewerConnections.map((c) => (c.memberA.id === viewerId ? c.memberB : c.memberA));
  if (!mine.some((m) => m.id === profileMemberId)) return [];
  const theirs = new Set(profileConnections.map((c) => (c.memberAId === profileMemberId ? c.memberBId : c.memberAId)));
  const hidden = new Set(blocks.flatMap((b) => [b.blockerId, b.blockedId]));
  const candidates = mine.filter(
    (m) =>
      m.id !== profileMemberId &&
      !theirs.has(m.id) &&
      !hidden.has(m.id) &&
      !isSuspendedAt(m, now),
  );
  if (candidates.length === 0) return [];
  const since = new Date(now.getTime() - settings.introductions.cooldownDays * DAY);
  const ids = candidates.map((m) => m.id);
  // One introduction per pair, in either direction.
  const recent = await db.introduction.findMany({
    where: {
      createdAt: { gt: since },
      OR: [
        { introducedId: profileMemberId, introducedToId: { in: ids } },
        { introducedToId: profileMemberId, introducedId: { in: ids } },
      ],
    },
    select: { introducedId: true, introducedToId: true },
  });
  const done = new Set(recent.map((r) => (r.introducedId === profileMemberId ? r.introducedToId : r.introducedId)));
  return candidates
    .filter((m) => !done.has(m.id))
    .map(({ id, handle, name }) => ({ id, handle, name }))
    .sort((x, y) => x.name.localeCompare(y.name));
}

/**
 * Introductions of A to B, newest first (one query). Introductions by someone who blocked or
 * was blocked by the viewer are left out: the introducer is invisible to them.
 */
export async function introductionsOf(
  db: Tx,
  p: { introducedId: string; introducedToId: string; viewerId?: string; take?: number },
): Promise<IntroductionItem[]> {
  const { introducedId, introducedToId } = p;
  const viewerId = p.viewerId;
  const rows = await db.introduction.findMany({
    where: {
      introducedId,
      introducedToId,
      ...(viewerId
        ? { introducer: noBlockWith(viewerId) }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: p.take ?? 20,
    select: { id: true, note: true, createdAt: true, introducer: MEMBER, introduced: MEMBER, introducedTo: MEMBER },
  });
  return rows;
}

/**
 * Both directions between two members, for a relationship panel (`toMe` = other introduced
 * to me), newest first, in one query. Introductions by someone who blocked or was blocked by
 * the viewer are left out.
 */
export async function introductionsBetween(db: Tx, p: { viewerId: string; otherId: string; take?: number }) {
  const { viewerId, otherId } = p;
  const rows = await db.introduction.findMany({
    where: {
      OR: [
        { introducedId: otherId, introducedToId: viewerId },
        { introducedId: viewerId, introducedToId: otherId },
      ],
      introducer: noBlockWith(viewerId),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    // No limit here: one introduction per pair per cooldown (90 days) keeps this to a handful.
    select: { id: true, note: true, createdAt: true, introducer: MEMBER, introduced: MEMBER, introducedTo: MEMBER },
  });
  const take = p.take ?? 20;
  return {
    toMe: rows.filter((r) => r.introducedTo.id === viewerId).slice(0, take),
    fromMe: rows.filter((r) => r.introduced.id === viewerId).slice(0, take),
  };
}
