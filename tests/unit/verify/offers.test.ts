import { describe, expect, it } from "vitest";
import { unlinkedMessage } from "@/lib/verify/offers";

describe("what Unlink says", () => {
  it("says the account is unlinked, and how many open offers went with it when any did", () => {
    expect(unlinkedMessage("bluesky", 0)).toBe("Your Bluesky account is no longer linked.");
    expect(unlinkedMessage("github", 1)).toBe("Your GitHub account is no longer linked. Its open offer in Found for you is gone too.");
    expect(unlinkedMessage("mastodon", 3)).toBe("Your Mastodon account is no longer linked. Its 3 open offers in Found for you are gone too.");
  });
});
