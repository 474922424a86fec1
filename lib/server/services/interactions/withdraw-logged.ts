import "server-only";
import type { Db } from "@/lib/db/create-client";
import { notFound } from "@/lib/server/errors";
import { removeInteractions } from "./record-interaction";

/** The actor takes back a logged interaction that is still pending; it stops counting at once. */
export async function withdrawLogged(db: Db, { actorId, id, now }: { actorId: string; id: string; now: Date }) {
  return db.$transaction(async (tx) => {
    const res = await tx.loggedInteraction.updateMany({ where: { id, actorId, status: "pending" }, data: { status: "withdrawn", decidedAt: now } });
    if (res.count === 0) throw notFound("That logged interaction");
    await removeInteractions(tx, { loggedId: id }, now);
    return { id, status: "withdrawn" as const };
  });
}
