import "server-only";
import type { Db } from "@/lib/db/create-client";
import { AppError, fieldError } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { lockMember } from "@/lib/server/services/locks";
import { parseInput } from "@/lib/server/validation";
import { ZTokenCreate, type TTokenCreateInput, type TokenScope } from "@/lib/validation/api/token";
import { generateToken } from "./token-secret";

/** Active tokens per member: plenty for scripts and bots, few enough to review at a glance. */
export const MAX_ACTIVE_TOKENS = 25;

const DAY_MS = 86_400_000;

export type CreatedToken = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: null;
  lastUsedIp: null;
  scopes: TokenScope[];
  expiresAt: Date | null;
  token: string;
};

/**
 * Creates a personal access token for the member with the scopes and lifetime asked for
 * (default: 90 days). The `admin` scope is for administrators only, checked against the
 * member's role inside the transaction. The secret is returned here and never again.
 */
export async function createToken(db: Db, { memberId, input, now }: { memberId: string; input: TTokenCreateInput; now: Date }): Promise<CreatedToken> {
  const { name, scopes, expiresInDays } = parseInput(ZTokenCreate, input);
  const expiresAt = expiresInDays === "never" ? null : new Date(now.getTime() + expiresInDays * DAY_MS);
  const { token, prefix, hash } = generateToken();
  return db.$transaction(async (tx) => {
    // Count-then-insert under the member's row lock, so parallel creates cannot pass the cap.
    await lockMember(tx, memberId);
    if (scopes.includes("admin")) {
      const member = await tx.member.findUnique({ where: { id: memberId }, select: { role: true } });
      if (member?.role !== "admin") throw fieldError("scopes", "Only administrators can give a token the “admin” scope.");
    }
    // Expired tokens do not count: they can do nothing, and the member may not have tidied them yet.
    const active = await tx.apiToken.count({ where: { memberId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } });
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new AppError(
        "conflict",
        `You already have ${MAX_ACTIVE_TOKENS} active tokens, the most allowed. Revoke one you no longer use, then create a new one.`,
      );
    }
    const row = await tx.apiToken.create({
      data: { memberId, name, prefix, tokenHash: hash, createdAt: now, scopes, expiresAt },
      select: { id: true, name: true, prefix: true, createdAt: true, expiresAt: true },
    });
    await recordAudit(tx, {
      actorId: memberId,
      action: "token.created",
      subjectType: "api_token",
      subjectId: row.id,
      data: { name, prefix, scopes, expiresAt: expiresAt?.toISOString() ?? null },
      at: now,
    });
    return { ...row, scopes, lastUsedAt: null, lastUsedIp: null, token };
  });
}
