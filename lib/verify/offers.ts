/** "Found for you" wording, pure. */
import { NETWORK_LABELS, type VerifyNetwork } from "./networks";

/**
 * The question above a group of offers: "3 public replies between you and Grace on Bluesky —
 * add them?", "2 public replies and 1 mention between you and Grace on Bluesky — add them?",
 * "1 public mention between you and Grace on Bluesky — add it?".
 */
export function offerQuestion(kinds: readonly string[], otherName: string, network: string): string {
  const replies = kinds.filter((k) => k === "reply").length;
  const mentions = kinds.length - replies;
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  const what =
    replies && mentions
      ? `${n(replies, "public reply", "public replies")} and ${n(mentions, "mention", "mentions")}`
      : replies
        ? n(replies, "public reply", "public replies")
        : n(mentions, "public mention", "public mentions");
  const where = NETWORK_LABELS[network as VerifyNetwork] ?? network;
  return `${what} between you and ${otherName.split(" ")[0]} on ${where} — add ${kinds.length === 1 ? "it" : "them"}?`;
}

/** ["bluesky", "mastodon", "github"] → "Bluesky, Mastodon and GitHub"; [] → "" */
export function networkList(networks: readonly string[]): string {
  const labels = networks.map((n) => NETWORK_LABELS[n as VerifyNetwork] ?? n);
  return labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
}
