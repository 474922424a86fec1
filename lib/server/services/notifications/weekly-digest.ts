import "server-only";
import type { Db } from "@/lib/db/create-client";
import { EMAIL_CATEGORIES, readEmailPrefs } from "@/lib/email/categories";
import { digestMessage, type DigestFacts } from "@/lib/email/messages";
import { absoluteUrl } from "@/lib/server/email/config";
import { queueEmail } from "@/lib/server/email/outbox";
import { unsubscribeUrl } from "@/lib/server/email/unsubscribe";

const WEEK = 7 * 24 * 3_600_000;
const PAGE = 200;

/**
 * The weekly digest: for each member who left at least one category to the digest, one
 * email of the week's news (if there is any). Keyed by member and week, so a second run in
 * the same week — or two workers — write it once. Each member's facts and email are one
 * short transaction.
 */
export async function queueWeeklyDigests(db: Db, { now }: { now: Date }): Promise<{ queued: number }> {
  const since = new Date(now.getTime() - WEEK);
  const week = isoWeek(now);
  let queued = 0;
  let cursor: string | undefined;
  for (;;) {
    const members = await db.member.findMany({
      where: { suspendedAt: null, emailVerifiedAt: { not: null } },
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, email: true, emailPrefs: true },
    });
    if (!members.length) break;
    cursor = members[members.length - 1].id;
    for (const m of members) {
      const prefs = readEmailPrefs(m.emailPrefs);
      const inDigest = EMAIL_CATEGORIES.filter((c) => prefs[c] === "digest");
      if (!inDigest.length) continue;
      await db.$transaction(async (tx) => {
        const [close, warmed, waiting, answers, intros] = await Promise.all([
          tx.relationshipSummary.findMany({
            where: { requesterId: m.id, gateMet: false, percent: { gte: 75, lt: 100 } },
            orderBy: { percent: "desc" },
            take: 3,
            select: { recipient: { select: { name: true } } },
          }),
          tx.relationshipSummary.count({ where: { recipientId: m.id, gateMet: true, lastInteractionAt: { gte: since } } }),
          prefs.requests === "digest" ? tx.connectionRequest.count({ where: { recipientId: m.id, status: "pending" } }) : 0,
          prefs.answers === "digest" ? tx.notification.count({ where: { memberId: m.id, type: { in: ["request_accepted", "request_declined"] }, createdAt: { gte: since } } }) : 0,
          prefs.introductions === "digest" ? tx.notification.count({ where: { memberId: m.id, type: "introduced", createdAt: { gte: since } } }) : 0,
        ]);
        const other: string[] = [];
        if (answers) other.push(`${answers} ${answers === 1 ? "answer" : "answers"} to your requests.`);
        if (intros) other.push(`You were introduced to ${intros} ${intros === 1 ? "person" : "people"}.`);
        const facts: DigestFacts = { oneStepFrom: close.map((s) => s.recipient.name), warmedUp: warmed, waitingRequests: waiting, other };
        const message = digestMessage({ facts, link: absoluteUrl("/"), unsubscribe: unsubscribeUrl(m.id, "digest") });
        if (!message) return;
        await queueEmail(tx, { key: `digest:${m.id}:${week}`, memberId: m.id, to: m.email, category: "digest", message, now });
        queued++;
      });
    }
  }
  return { queued };
}

/** "2026-W48": the ISO week of `d` (UTC). */
export function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const year = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}
