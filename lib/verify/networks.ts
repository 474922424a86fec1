/** Networks whose public API lets Rapport check evidence and prove accounts (issue 20). */
export const VERIFY_NETWORKS = ["bluesky"] as const;
export type VerifyNetwork = (typeof VERIFY_NETWORKS)[number];

export const NETWORK_LABELS: Record<VerifyNetwork, string> = { bluesky: "Bluesky" };

/** The network that can check this evidence link, or null (X, LinkedIn, blogs: confirmed by the other member). */
export function checkableNetwork(evidenceUrl: string | null | undefined): VerifyNetwork | null {
  if (!evidenceUrl) return null;
  let host: string;
  try {
    host = new URL(evidenceUrl).hostname.toLowerCase();
  } catch {
    return null;
  }
  if (host === "bsky.app" || host === "www.bsky.app") return "bluesky";
  return null;
}
