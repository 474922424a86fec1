import "server-only";
import type { Db } from "@/lib/db/create-client";
import { notFound } from "@/lib/server/errors";
import { removeInteractions } from "@/lib/server/services/interactions/record-interaction";

/** The author takes back their kudos: it leaves the wall and its interaction no longer counts. */
export async function deleteKudos(db: Db, { authorId, kudosId, now }: { authorId: string; kudosId: string; now: Date }) {
  return db.$transaction(async (tx) => {
    const res = await tx.kudos.updateMany({ where: { id: kudosId, authorId, deletedAt: null }, data: { deletedAt: now } });
    const row = await tx.kudos.findFirst({ where: { id: kudosId, authorId }, select: { id: true, recipient: { select: { handle: true } } } });
    if (!row) throw notFound("Those kudos");
    if (res.count > 0) await removeInteractions(tx, { kudosId }, now);
    return { id: row.id, recipientHandle: row.recipient.handle };
  });
}
