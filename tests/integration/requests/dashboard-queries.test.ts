import { beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/server/db";
import { DASHBOARD_SHOWN, loadDashboard } from "@/lib/server/queries/dashboard";
import { markPairsStale } from "@/lib/server/services/summaries/mark-stale";
import { refreshAllDueSummaries } from "@/lib/server/services/summaries/refresh-due";
import { DEFAULT_APP_SETTINGS } from "@/lib/validation/app-settings";
import { createMember } from "@/tests/factories/members";
import { useTestDatabase } from "@/tests/support/test-database";
import { unique } from "@/tests/factories/sequence";
import { sendRequest } from "@/lib/server/services/requests/send-request";
import { NOW, daysAfter, warmUp } from "./helpers";

const t = useTestDatabase();

/** A viewer who commented once on each of `n` members' posts (all "warming" under standard). */
async function viewerWithRelated(n: number) {
  const viewer = await createMember();
  const ids = Array.from({ length: n }, () => unique("rel"));
  await t.db.member.createMany({
    data: ids.map((id) => ({ id, handle: id, name: `Related ${id}`, email: `${id}@example.test` })),
  });
  await t.db.interaction.createMany({
    data: ids.map((id, i) => ({
      actorId: viewer.id,
      targetId: id,
      kind: "comment",
      source: "observed",
      weight: 3,
      verification: "verified",
      occurredAt: daysAfter(NOW, -1 - (i % 20)),
      sourceKey: `test:${unique("dash")}`,
    })),
  });
  await markPairsStale(t.db, { pairs: ids.map((id) => [viewer.id, id] as const) });
  return viewer;
}

/** Runs the dashboard on a client that counts every query it sends. */
async function countQueries(viewerId: string) {
  let count = 0;
  const counting = t.db.$extends({
    query: {
      $allOperations({ args, query }) {
        count++;
        return query(args);
      },
    },
  }) as unknown as Tx;
  const dashboard = await loadDashboard(counting, { viewerId, now: NOW, settings: DEFAULT_APP_SETTINGS });
  return { count, dashboard };
}

describe("the dashboard's relationships", () => {
  let small: string;
  let large: string;
  beforeAll(async () => {
    small = (await viewerWithRelated(5)).id;
    large = (await viewerWithRelated(500)).id;
  });

  it("take the same number of queries for 5 and for 500 related members, due or stored", async () => {
    // Due (the rows were written outside the services): evaluated afresh, in the same statements.
    const a = await countQueries(small);
    const b = await countQueries(large);
    expect(a.dashboard.warming).toHaveLength(5);
    expect(b.dashboard.warming).toHaveLength(DASHBOARD_SHOWN);
    expect(b.dashboard.counts.warming).toBe(500);
    expect(a.count).toBeGreaterThan(5); // the counter does see the queries
    expect(b.count).toBe(a.count);
    // Stored: the same answer from the summaries alone.
    await refreshAllDueSummaries(t.db, { now: NOW });
    const c = await countQueries(small);
    const d = await countQueries(large);
    expect(d.dashboard).toEqual(b.dashboard);
    expect(c.dashboard).toEqual(a.dashboard);
    expect(d.count).toBe(c.count);
    expect(d.count).toBeLessThan(b.count);
    // The whole budget when nothing is due and no request waits either way: the relationships'
    // counts (with which are due), the two columns, the request counts and the activity.
    expect(d.count).toBe(5);
  });

  it("reads the request lists only when a request waits that way", async () => {
    const viewer = await createMember();
    const asker = await createMember();
    const idle = await countQueries(viewer.id);
    expect(idle.dashboard.incoming).toEqual([]);
    expect(idle.dashboard.outgoing).toEqual([]);

    await warmUp(asker.id, viewer.id);
    await sendRequest(t.db, { requesterId: asker.id, input: { to: viewer.handle, note: "We spoke at the meetup about the schema." }, now: NOW });
    const asked = await countQueries(viewer.id);
    expect(asked.dashboard.pending).toEqual({ incoming: 1, outgoing: 0 });
    expect(asked.dashboard.incoming.map((r) => r.member.id)).toEqual([asker.id]);
    expect(asked.count).toBe(idle.count + 1); // the incoming list; still no outgoing one

    const sender = await countQueries(asker.id);
    expect(sender.dashboard.pending).toEqual({ incoming: 0, outgoing: 1 });
    expect(sender.dashboard.outgoing.map((r) => r.member.id)).toEqual([viewer.id]);
  });

  it("orders warming relationships warmest first, each with its next step", async () => {
    const { dashboard } = await countQueries(small);
    const percents = dashboard.warming.map((w) => w.percent);
    expect([...percents].sort((x, y) => y - x)).toEqual(percents);
    expect(dashboard.warming.every((w) => typeof w.nextStep === "string" && w.nextStep.length > 0)).toBe(true);
  });
});
