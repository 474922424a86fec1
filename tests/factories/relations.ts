import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb, type Tx } from "@/lib/server/db";
import { DEFAULT_WEIGHTS } from "@/lib/warmup/weights";
import type { InteractionKind, InteractionSource, Verification } from "@/lib/warmup/types";
import { markPairsStale } from "@/lib/server/services/summaries/mark-stale";
import { unique } from "./sequence";

// Rows written here bypass the services, so the pair's relationship summaries are marked
// stale: every read evaluates them afresh at its own `now`, as it would a row the job
// worker has not reached yet.

/** Connects two members (stored once per pair, smaller id first, as the schema requires). */
export async function createConnection(aId: string, bId: string, attrs: { createdAt?: Date } = {}, db?: Tx) {
  const client = db ?? (await getDb());
  const [memberAId, memberBId] = aId < bId ? [aId, bId] : [bId, aId];
  const row = await client.connection.create({ data: { memberAId, memberBId, ...attrs } });
  await markPairsStale(client, { pairs: [[aId, bId]] });
  return row;
}

export async function createBlock(blockerId: string, blockedId: string, db?: Tx) {
  const client = db ?? (await getDb());
  const row = await client.block.create({ data: { blockerId, blockedId } });
  await markPairsStale(client, { pairs: [[blockerId, blockedId]] });
  return row;
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
  const row = await client.interaction.create({
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
  await markPairsStale(client, { pairs: [[attrs.actorId, attrs.targetId]] });
  return row;
}
