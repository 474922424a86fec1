import "server-only";
import type { Tx } from "@/lib/server/db";

/** How long a WebAuthn ceremony may take, from options to response. */
export const CHALLENGE_TTL_MS = 5 * 60_000;

export type ChallengePurpose = "register" | "signin";

/** Stores a challenge the server made (and clears expired ones, so the table stays small). */
export async function storeChallenge(tx: Tx, { challenge, purpose, memberId, now }: { challenge: string; purpose: ChallengePurpose; memberId: string | null; now: Date }) {
  await tx.webauthnChallenge.deleteMany({ where: { expiresAt: { lte: now } } });
  await tx.webauthnChallenge.create({ data: { challenge, purpose, memberId, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS), createdAt: now } });
}

/**
 * Takes a challenge once: true only for a live challenge this server issued for `purpose` (and
 * `memberId`). Deleting it is the claim, so two requests racing with one response cannot both
 * succeed, and a replayed response finds nothing.
 */
export async function consumeChallenge(tx: Tx, { challenge, purpose, memberId, now }: { challenge: string; purpose: ChallengePurpose; memberId: string | null; now: Date }): Promise<boolean> {
  const { count } = await tx.webauthnChallenge.deleteMany({ where: { challenge, purpose, memberId, expiresAt: { gt: now } } });
  return count === 1;
}

/** The challenge a response claims to answer (from its clientDataJSON), or "" when unreadable. */
export function challengeOf(clientDataJSON: string): string {
  try {
    const data = JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8")) as { challenge?: unknown };
    return typeof data.challenge === "string" ? data.challenge.slice(0, 512) : "";
  } catch {
    return "";
  }
}
