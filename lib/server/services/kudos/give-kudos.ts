import "server-only";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/server/errors";
import { ZKudosCreate, type TKudosCreateInput } from "@/lib/validation/kudos";
import { notify } from "@/lib/server/services/notifications/notify";
import { isBlockedEither } from "@/lib/server/services/interactions/blocks";
import { parseInput } from "@/lib/server/validation";
import { enforceContentLimit } from "@/lib/server/services/interactions/content-limits";
import { recordInteraction } from "@/lib/server/services/interactions/record-interaction";

/**
 * A short public thank-you on someone's profile: a "kudos" interaction toward them, and a
 * notification. Returns the kudos with its author as stored (the API's answer is built from it).
 */
export async function giveKudos(db: Db, { authorId, input, now }: { authorId: string; input: TKudosCreateInput; now: Date }) {
  const data = parseInput(ZKudosCreate, input);
  return db.$transaction(async (tx) => {
    await enforceContentLimit(tx, "kudos", { memberId: authorId, now });
    const recipient = await tx.member.findUnique({ where: { handle: data.recipientHandle }, select: { id: true, handle: true } });
    if (!recipient || (await isBlockedEither(tx, authorId, recipient.id))) {
      const msg = "We couldn't find that member.";
      throw new AppError("not_found", msg, { fields: { recipientHandle: [msg] } });
    }
    if (recipient.id === authorId) throw new AppError("self", "Kudos are for thanking someone else.", { fields: { body: ["Kudos are for thanking someone else."] } });

    const author = await tx.member.findUniqueOrThrow({ where: { id: authorId }, select: { id: true, handle: true, name: true, headline: true } });
    const kudos = await tx.kudos.create({ data: { authorId, recipientId: recipient.id, body: data.body, createdAt: now } });
    await recordInteraction(
      tx,
      {
        actorId: authorId,
        targetId: recipient.id,
        kind: "kudos",
        source: "observed",
        occurredAt: now,
        verification: "verified",
        sourceKey: `kudos:${kudos.id}`,
        kudosId: kudos.id,
      },
      now,
    );
    await notify(tx, recipient.id, "kudos_received", { kudosId: kudos.id, byHandle: author.handle, byName: author.name }, now);
    return { ...kudos, author, recipientHandle: recipient.handle };
  });
}
