import type { InteractionKind } from "./types";

/** Why a member is suggested to the viewer, as counted by the suggestions query. */
export type SuggestionFacts = {
  /** members connected to both */
  mutualConnections: number;
  /** their interactions toward the viewer since the viewer's last one toward them, by kind */
  unanswered: Partial<Record<InteractionKind, number>>;
  /** threads (posts) the viewer took part in where they were active too */
  sharedThreads: number;
  /** topics both list */
  sharedTopics: string[];
};

const times = (n: number) => (n === 1 ? "" : n === 2 ? " twice" : ` ${n} times`);

const UNANSWERED_WORDS: Record<InteractionKind, string> = {
  comment: "replied to your post",
  reaction: "reacted to your post",
  mention: "mentioned you",
  share: "shared your post",
  kudos: "wrote you kudos",
  logged_reply: "replied to you elsewhere",
  logged_mention: "mentioned you elsewhere",
  logged_met: "met you in person",
  introduction: "was introduced to you",
};

/** The order reasons are given in: what asks for an answer first. */
const KIND_ORDER = Object.keys(UNANSWERED_WORDS) as InteractionKind[];

function listWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/**
 * The reasons in words, most actionable first: "replied to your post twice",
 * "3 mutual connections", "active in 2 threads you took part in", "also into design and climate".
 */
export function suggestionReasons(f: SuggestionFacts): string[] {
  const out: string[] = [];
  for (const kind of KIND_ORDER) {
    const n = f.unanswered[kind] ?? 0;
    if (n > 0) out.push(`${UNANSWERED_WORDS[kind]}${times(n)}`);
  }
  if (f.mutualConnections > 0) {
    out.push(f.mutualConnections === 1 ? "1 mutual connection" : `${f.mutualConnections} mutual connections`);
  }
  if (f.sharedThreads > 0) {
    out.push(f.sharedThreads === 1 ? "active in a thread you took part in" : `active in ${f.sharedThreads} threads you took part in`);
  }
  if (f.sharedTopics.length > 0) {
    const shown = f.sharedTopics.slice(0, 3);
    const rest = f.sharedTopics.length - shown.length;
    out.push(`also into ${listWords(rest > 0 ? [...shown, `${rest} more`] : shown)}`);
  }
  return out;
}

/**
 * How much each fact weighs when ordering suggestions (the query orders by the weighted sum):
 * an interaction waiting for an answer weighs most.
 */
export const SUGGESTION_WEIGHTS = { unanswered: 4, mutualConnection: 3, sharedThread: 2, sharedTopic: 1 } as const;
