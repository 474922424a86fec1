/**
 * How a logged interaction stands, for the API and the pages alike: verified (by a network's
 * public API, or confirmed by the other member), pending (waiting for Rapport's check or for
 * the other member), or disputed. The reason a check did not match is for the member who
 * logged it only.
 */
export type LoggedVerification = {
  state: "verified" | "pending" | "disputed";
  verifiedBy: "bluesky" | "mastodon" | "github" | "member" | null;
  /** Rapport is still to check the evidence */
  checking: boolean;
  reason: string | null;
};

export type LoggedVerificationColumns = { status: string; checkState: string; checkReason: string | null; verifiedBy: string | null };

export function loggedVerification(r: LoggedVerificationColumns, viewerIsActor: boolean): LoggedVerification {
  const state = r.status === "verified" || r.status === "confirmed" ? "verified" : r.status === "disputed" ? "disputed" : "pending";
  const verifiedBy =
    r.status === "confirmed" ? "member" : r.status === "verified" ? ((r.verifiedBy as LoggedVerification["verifiedBy"]) ?? null) : null;
  return {
    state,
    verifiedBy,
    checking: r.status === "pending" && r.checkState === "queued",
    reason: viewerIsActor && r.status === "pending" && (r.checkState === "mismatch" || r.checkState === "refused") ? r.checkReason : null,
  };
}

export const VERIFIED_BY_LABELS: Record<NonNullable<LoggedVerification["verifiedBy"]>, string> = {
  bluesky: "verified on Bluesky",
  mastodon: "verified on Mastodon",
  github: "verified on GitHub",
  member: "confirmed",
};
