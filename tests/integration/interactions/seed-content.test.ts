import { describe, expect, it } from "vitest";
import { getAppSettings } from "@/lib/server/settings";
import { useTestDatabase } from "@/tests/support/test-database";
import { createMember } from "@/tests/factories/members";
import { DEMO_MEMBERS } from "@/prisma/seed/demo";
import { seedContent } from "@/prisma/seed/content";
import { evaluatePairs } from "@/lib/server/queries/evaluate-pairs";

const t = useTestDatabase();

describe("the demo community's content", () => {
  it("gives Ana relationships at every warmth, both ways, and is only added once", async () => {
    const now = new Date();
    for (const m of DEMO_MEMBERS) {
      await createMember({
        handle: m.handle,
        name: m.name,
        createdAt: new Date(now.getTime() - 120 * 86_400_000),
        policy:
          m.preset === "custom"
            ? { preset: "custom", minPoints: 9, minInteractions: 3, minDistinctDays: 2, minSpanDays: 3, requireConversation: true }
            : { preset: m.preset },
      });
    }
    const summary = await seedContent(t.db, now);
    expect(summary).toMatch(/content: 3\d posts/);
    expect(await seedContent(t.db, now)).toBe("content: already seeded");

    const ids = new Map((await t.db.member.findMany({ select: { id: true, handle: true } })).map((m) => [m.handle, m.id]));
    const ana = ids.get("ana")!;
    const others = [...ids.entries()].filter(([h]) => h !== "ana");
    const status = (m: Map<string, { status: string }>) => Object.fromEntries(others.map(([h, id]) => [h, m.get(id)?.status]));

    const outgoing = status(await evaluatePairs(t.db, { settings: await getAppSettings(t.db), viewerId: ana, otherIds: others.map(([, id]) => id), role: "requester", now }));
    expect(outgoing).toMatchObject({ ben: "warm", iris: "warm", emma: "warm", dev: "warm", chloe: "warming", grace: "warming", jon: "warming", hugo: "cold", kai: "cold", farid: "closed" });

    const incoming = status(await evaluatePairs(t.db, { settings: await getAppSettings(t.db), viewerId: ana, otherIds: others.map(([, id]) => id), role: "recipient", now }));
    expect(incoming).toMatchObject({ emma: "warm", dev: "warm", iris: "warm", hugo: "warming", ben: "warming", kai: "warming", lena: "warming", jon: "cold", farid: "cold" });

    // One log waits for Ana's confirmation; hugo's burst of likes hit her daily cap.
    expect(await t.db.loggedInteraction.count({ where: { targetId: ana, status: "pending" } })).toBe(1);
    const hugo = (await evaluatePairs(t.db, { settings: await getAppSettings(t.db), viewerId: ana, otherIds: [ids.get("hugo")!], role: "recipient", now })).get(ids.get("hugo")!)!;
    expect(hugo.interactions.some((v) => v.reason === "over_daily_cap")).toBe(true);
  });
});
