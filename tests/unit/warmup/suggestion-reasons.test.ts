import { describe, expect, it } from "vitest";
import { suggestionReasons, type SuggestionFacts } from "../../../lib/warmup/suggestion-reasons";

const none: SuggestionFacts = { mutualConnections: 0, unanswered: {}, sharedThreads: 0, sharedTopics: [] };

describe("suggestionReasons", () => {
  it.each<[string, Partial<SuggestionFacts>, string[]]>([
    ["nothing", {}, []],
    ["one mutual connection", { mutualConnections: 1 }, ["1 mutual connection"]],
    ["three mutual connections", { mutualConnections: 3 }, ["3 mutual connections"]],
    ["a reply", { unanswered: { comment: 1 } }, ["replied to your post"]],
    ["two replies", { unanswered: { comment: 2 } }, ["replied to your post twice"]],
    ["five reactions and a mention", { unanswered: { reaction: 5, mention: 1 } }, ["reacted to your post 5 times", "mentioned you"]],
    ["one thread", { sharedThreads: 1 }, ["active in a thread you took part in"]],
    ["three threads", { sharedThreads: 3 }, ["active in 3 threads you took part in"]],
    ["one topic", { sharedTopics: ["rust"] }, ["also into rust"]],
    ["many topics", { sharedTopics: ["a1", "b2", "c3", "d4", "e5"] }, ["also into a1, b2, c3 and 2 more"]],
    [
      "everything, the unanswered first",
      { mutualConnections: 2, unanswered: { kudos: 1 }, sharedThreads: 1, sharedTopics: ["design", "climate"] },
      ["wrote you kudos", "2 mutual connections", "active in a thread you took part in", "also into design and climate"],
    ],
  ])("words %s", (_what, facts, words) => {
    expect(suggestionReasons({ ...none, ...facts })).toEqual(words);
  });
});
