/** Networks whose public API lets Rapport check evidence and prove accounts (issue 20). */
import { BLUESKY_HOSTS } from "./bluesky";
import { parseGitHubCommentUrl } from "./github";
import { parseMastodonStatusUrl } from "./mastodon";
import { parseUrl } from "./url";

export const VERIFY_NETWORKS = ["bluesky", "mastodon", "github"] as const;
export type VerifyNetwork = (typeof VERIFY_NETWORKS)[number];

/** The networks "Found for you" reads (each has a reader in lib/server/services/offers/readers). */
export const FINDABLE_NETWORKS: readonly VerifyNetwork[] = ["bluesky", "mastodon", "github"];

export const NETWORK_LABELS: Record<VerifyNetwork, string> = { bluesky: "Bluesky", mastodon: "Mastodon", github: "GitHub" };

/** The network that can check this evidence link, or null (X, LinkedIn, blogs: confirmed by the other member). */
export function checkableNetwork(evidenceUrl: string | null | undefined): VerifyNetwork | null {
  if (!evidenceUrl) return null;
  const u = parseUrl(evidenceUrl);
  if (!u) return null;
  if ((BLUESKY_HOSTS as readonly string[]).includes(u.hostname)) return "bluesky";
  // GitHub: issue, pull request, review and discussion comments (other github.com pages prove nothing)
  if (parseGitHubCommentUrl(evidenceUrl)) return "github";
  // Mastodon: any instance; recognised by the status URL's shape (https://host/@user/123)
  if (parseMastodonStatusUrl(evidenceUrl)) return "mastodon";
  return null;
}
