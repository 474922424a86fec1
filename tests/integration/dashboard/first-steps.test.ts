import { beforeEach, describe, expect, it } from "vitest";
import { loadFirstSteps } from "@/lib/server/queries/first-steps";
import { createPost } from "@/lib/server/services/posts/create-post";
import { setReaction } from "@/lib/server/services/reactions/set-reaction";
import { updatePolicy } from "@/lib/server/services/policy/update-policy";
import { createMember } from "@/tests/factories/members";
import { useTestDatabase } from "@/tests/support/test-database";

const t = useTestDatabase();
beforeEach(() => t.reset());
const NOW = new Date("2027-03-10T12:00:00.000Z");

describe("a new member's first three steps", () => {
  it("starts with none done and ticks each from what the member actually did", async () => {
    const ana = await createMember();
    const ben = await createMember();
    expect(await loadFirstSteps(t.db, { memberId: ana.id })).toEqual({ protocol: false, people: false, post: false });

    await updatePolicy(t.db, { memberId: ana.id, input: { preset: "friendly" }, now: NOW });
    expect(await loadFirstSteps(t.db, { memberId: ana.id })).toEqual({ protocol: true, people: false, post: false });

    const bens = await createPost(t.db, { authorId: ben.id, input: { body: "Hello" }, now: NOW });
    // Someone else's post and reaching out to them are theirs, not Ana's, until Ana acts.
    expect((await loadFirstSteps(t.db, { memberId: ana.id })).post).toBe(false);
    await setReaction(t.db, { memberId: ana.id, input: { subject: "post", id: bens.id, type: "like" }, now: NOW });
    expect(await loadFirstSteps(t.db, { memberId: ana.id })).toEqual({ protocol: true, people: true, post: false });

    await createPost(t.db, { authorId: ana.id, input: { body: "My first post" }, now: NOW });
    expect(await loadFirstSteps(t.db, { memberId: ana.id })).toEqual({ protocol: true, people: true, post: true });
    expect(await loadFirstSteps(t.db, { memberId: ben.id })).toEqual({ protocol: false, people: false, post: true });
  });
});
