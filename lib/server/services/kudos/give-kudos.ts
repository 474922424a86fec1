import "server-only";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/server/errors";
import { getAppSettings } from "@/lib/server/settings";
import { ZKudosCreate, type TKudosCreateInput } from "@/lib/validation/kudos";
import { notify } from "@/lib/server/services/notifications/notify";
import { isBlockedEither } from "@/lib/server/services/interactions/blocks";
import { parseInput } from "@/lib/server/validation";
import { enforceRateLimit } from "@/lib/server/services/interactions/rate-limit";
import { DAY } from "@/lib/warmup/time";
import { recordInteraction } from "@/lib/server/services/interactions/record-interaction";

/** A short public thank-you on someone's profile: a "kudos" interaction toward them, and a notification. */
export async function giveKudos(db: Db, { authorId, input, now }: { authorId: string; input: TKudosCreateInput; now: Date }) {
  const data = parseInput(ZKudosCreate, input);
  return db.$transaction(async (tx) => {
    const settings = await getAppSettings(tx);
    await enforceRateLimit(tx, {
      memberId: authorId,
      limit: settings.content.kudosPerDay,
      windowMs: DAY,
      now,
      verb: "give kudos",
      what: "kudos per day",
      recent: (since, take) =>
        tx.kudos.findMany({ where: { authorId, createdAt: { gt: since } }, orderBy: { createdAt: "desc" }, take, select: { createdAt: true } }),
    });
    const recipient = await tx.member.findUnique({ where: { handle: data.recipientHandle }, select: { id: true, handle: true } });
    if (!recipient || (await isBlockedEither(tx, authorId, recipient.id))) {
      const msg = "We couldn't find that member.";
      throw new AppError("not_found", msg, { fields: { recipientHandle: [msg] } });
    }
    if (recipient.id === authorId) throw new AppError("self", "Kudos are for thanking someone else.", { fields: { body: ["Kudos are for thanking someone else."] } });

    const author = await tx.member.findUniqueOrThrow({ where: { id: authorId }, select: { handle: true, name: true } });
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
    return { ...kudos, recipientHandle: recipient.handle };
  });
}
