/** "Found for you" wording, pure. */
import { NETWORK_LABELS, type VerifyNetwork } from "./networks";

const KIND_WORDS: [kind: string, one: string, many: string][] = [
  ["reply", "reply", "replies"],
  ["comment", "comment", "comments"],
  ["mention", "mention", "mentions"],
];

/**
 * The question above a group of offers: "3 public replies between you and Grace on Bluesky —
 * add them?", "2 public replies and 1 mention between you and Grace on Bluesky — add them?",
 * "1 public comment between you and Grace on GitHub — add it?".
 */
export function offerQuestion(kinds: readonly string[], otherName: string, network: string): string {
  const parts = KIND_WORDS.flatMap(([kind, one, many]) => {
    const count = kinds.filter((k) => k === kind).length;
    return count ? [`${count} ${count === 1 ? one : many}`] : [];
  });
  const what = `public ${parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}` : (parts[0] ?? "")}`;
  const where = NETWORK_LABELS[network as VerifyNetwork] ?? network;
  return `${what.replace(/^public (\d+) /, "$1 public ")} between you and ${otherName.split(" ")[0]} on ${where} — add ${kinds.length === 1 ? "it" : "them"}?`;
}

/** One offer's line: "reply to Grace", "mention of Grace", "comment on a thread Grace opened". */
export function offerLine(kind: string, firstName: string): string {
  if (kind === "reply") return `reply to ${firstName}`;
  if (kind === "comment") return `comment on a thread ${firstName} opened`;
  return `mention of ${firstName}`;
}

/** ["bluesky", "mastodon", "github"] → "Bluesky, Mastodon and GitHub"; [] → "" */
export function networkList(networks: readonly string[]): string {
  const labels = networks.map((n) => NETWORK_LABELS[n as VerifyNetwork] ?? n);
  return labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
}

/**
 * What "Unlink" says: "Your Bluesky account is no longer linked." and, when it took open offers
 * with it, "Its 3 open offers in Found for you are gone too."
 */
export function unlinkedMessage(network: VerifyNetwork, offersForgotten: number): string {
  const done = `Your ${NETWORK_LABELS[network]} account is no longer linked.`;
  if (offersForgotten <= 0) return done;
  return `${done} ${offersForgotten === 1 ? "Its open offer in Found for you is" : `Its ${offersForgotten} open offers in Found for you are`} gone too.`;
}
