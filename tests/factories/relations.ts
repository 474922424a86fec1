import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb, type Tx } from "@/lib/server/db";
import { DEFAULT_WEIGHTS } from "@/lib/warmup/weights";
import type { InteractionKind, InteractionSource, Verification } from "@/lib/warmup/types";
import { unique } from "./sequence";

/** Connects two members (stored once per pair, smaller id first, as the schema requires). */
export async function createConnection(aId: string, bId: string, attrs: { createdAt?: Date } = {}, db?: Tx) {
  const client = db ?? (await getDb());
  const [memberAId, memberBId] = aId < bId ? [aId, bId] : [bId, aId];
  return client.connection.create({ data: { memberAId, memberBId, ...attrs } });
}

export async function createBlock(blockerId: string, blockedId: string, db?: Tx) {
  const client = db ?? (await getDb());
  return client.block.create({ data: { blockerId, blockedId } });
}

export type InteractionAttrs = {
  actorId: string;
  targetId: string;
  kind?: InteractionKind;
  source?: InteractionSource;
  /** defaults to the kind's default weight */
  weight?: number;
  occurredAt?: Date;
  verification?: Verification;
  sourceKey?: string;
} & Partial<Pick<Prisma.InteractionUncheckedCreateInput, "postId" | "commentId" | "kudosId" | "loggedId" | "introductionId">>;

/** One row in the interaction store, as if a source had recorded it. */
export async function createInteraction(attrs: InteractionAttrs, db?: Tx) {
  const client = db ?? (await getDb());
  const kind = attrs.kind ?? "comment";
  return client.interaction.create({
    data: {
      source: "observed",
      verification: "verified",
      occurredAt: new Date(),
      weight: DEFAULT_WEIGHTS[kind],
      sourceKey: `test:${unique("i")}`,
      ...attrs,
      kind,
    },
  });
}
