import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/test-database";
import { createMember } from "@/tests/factories/members";
import { createKudos } from "@/tests/factories/content";
import { createBlock } from "@/tests/factories/relations";
import { blockedWith } from "@/lib/server/queries/feed";
import { listKudos } from "@/lib/server/queries/kudos-wall";

const t = useTestDatabase();
const at = (minutes: number) => new Date(Date.UTC(2026, 2, 10, 8, minutes));

describe("the kudos wall", () => {
  beforeEach(() => t.reset());

  it("leaves out kudos by members in a block with the viewer (either direction), in the list and the total", async () => {
    const [ana, ben, chloe, dan, eve] = [await createMember(), await createMember(), await createMember(), await createMember(), await createMember()];
    await createKudos({ authorId: ben.id, recipientId: ana.id, body: "Ben thanks Ana", createdAt: at(1) });
    await createKudos({ authorId: chloe.id, recipientId: ana.id, body: "Chloé thanks Ana", createdAt: at(2) });
    await createKudos({ authorId: eve.id, recipientId: ana.id, body: "Eve thanks Ana", createdAt: at(3) });
    await createBlock(dan.id, chloe.id); // Dan blocked Chloé
    await createBlock(eve.id, dan.id); // Eve blocked Dan

    const forDan = await listKudos(t.db, { recipientId: ana.id, viewerId: dan.id });
    expect(forDan.items.map((k) => k.body)).toEqual(["Ben thanks Ana"]);
    expect(forDan.total).toBe(1);

    const signedOut = await listKudos(t.db, { recipientId: ana.id, viewerId: null });
    expect(signedOut.items.map((k) => k.body)).toEqual(["Eve thanks Ana", "Chloé thanks Ana", "Ben thanks Ana"]);
    expect(signedOut.total).toBe(3);

    // The profile page reads the viewer's blocks once and hands them over: same wall.
    expect(await listKudos(t.db, { recipientId: ana.id, viewerId: dan.id, blocked: await blockedWith(t.db, dan.id) })).toEqual(forDan);
  });
});
