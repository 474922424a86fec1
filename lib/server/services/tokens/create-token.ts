import "server-only";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { lockMember } from "@/lib/server/services/locks";
import { parseInput } from "@/lib/server/validation";
import { ZTokenCreate, type TTokenCreateInput } from "@/lib/validation/api/token";
import { generateToken } from "./token-secret";

/** Active tokens per member: plenty for scripts and bots, few enough to review at a glance. */
export const MAX_ACTIVE_TOKENS = 25;

export type CreatedToken = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: null; token: string };

/** Creates a personal access token for the member. The secret is returned here and never again. */
export async function createToken(db: Db, { memberId, input, now }: { memberId: string; input: TTokenCreateInput; now: Date }): Promise<CreatedToken> {
  const { name } = parseInput(ZTokenCreate, input);
  const { token, prefix, hash } = generateToken();
  return db.$transaction(async (tx) => {
    // Count-then-insert under the member's row lock, so parallel creates cannot pass the cap.
    await lockMember(tx, memberId);
    const active = await tx.apiToken.count({ where: { memberId, revokedAt: null } });
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new AppError(
        "conflict",
        `You already have ${MAX_ACTIVE_TOKENS} active tokens, the most allowed. Revoke one you no longer use, then create a new one.`,
      );
    }
    const row = await tx.apiToken.create({
      data: { memberId, name, prefix, tokenHash: hash, createdAt: now },
      select: { id: true, name: true, prefix: true, createdAt: true },
    });
    await recordAudit(tx, { actorId: memberId, action: "token.created", subjectType: "api_token", subjectId: row.id, data: { name, prefix }, at: now });
    return { ...row, lastUsedAt: null, token };
  });
}
