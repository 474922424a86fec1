import "server-only";
import { iso, isoOrNull } from "./common";
import type { TokenSummary } from "@/lib/server/queries/tokens";

/** A token as the API shows it (never the hash or the secret). */
export function presentToken(t: TokenSummary) {
  return { ...t, createdAt: iso(t.createdAt), lastUsedAt: isoOrNull(t.lastUsedAt), expiresAt: isoOrNull(t.expiresAt) };
}
