import "server-only";
import type { Tx } from "@/lib/server/db";

/** For /admin/email: how the outbox stands, and the dead letters (newest first) with their last error. */
export async function outboxOverview(db: Tx, { limit = 50 }: { limit?: number } = {}) {
  const [groups, dead] = await Promise.all([
    db.emailOutbox.groupBy({ by: ["status"], _count: { _all: true } }),
    db.emailOutbox.findMany({
      where: { status: "dead" },
      orderBy: { createdAt: "desc" },
      take: limit,
      select: { id: true, key: true, recipient: true, category: true, subject: true, attempts: true, lastError: true, createdAt: true },
    }),
  ]);
  const count = (s: string) => groups.find((g) => g.status === s)?._count._all ?? 0;
  return { pending: count("pending"), sent: count("sent"), dead: count("dead"), deadLetters: dead };
}
