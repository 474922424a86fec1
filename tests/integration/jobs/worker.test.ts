import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineJob } from "@/lib/server/jobs/define";
import { enqueueJob, sendJob, BOSS_SCHEMA } from "@/lib/server/jobs/boss";
import { ALL_JOBS } from "@/lib/server/jobs/registry";
import { startWorker, type RunningWorker } from "@/lib/server/jobs/worker";
import { pairKey } from "@/lib/warmup/pair-key";
import { DAY } from "@/lib/warmup/time";
import { createMember } from "@/tests/factories/members";
import { createInteraction } from "@/tests/factories/relations";
import { serverUrl, useTestDatabase } from "@/tests/support/test-database";

// The worker runs in this process against this file's database, polling every 0.5 s (pg-boss's
// minimum), so each job is picked up within a second: on the PostgreSQL server through
// pg-boss's own pool, on PGlite through the same embedded instance the app uses.
const t = useTestDatabase();
const onServer = Boolean(serverUrl());

/** Polls `check` until it returns true (or throws after `ms`). */
async function waitFor(what: string, check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe(`the job worker (pg-boss on ${onServer ? "PostgreSQL" : "embedded PGlite"})`, () => {
  let worker: RunningWorker;
  const lines: string[] = [];
  let attempts = 0;
  const alwaysFails = defineJob({
    name: "test.always-fails",
    payload: z.object({ n: z.number() }),
    handler: async () => {
      attempts++;
      throw new Error("boom");
    },
    retry: { retryLimit: 2, retryDelay: 0 },
    expireInSeconds: 60,
  });

  beforeAll(async () => {
    expect(t.opened.jobs.kind).toBe(onServer ? "url" : "embedded");
    worker = await startWorker({
      db: t.db,
      connection: t.opened.jobs,
      jobs: [...ALL_JOBS, alwaysFails],
      pollingIntervalSeconds: 0.5,
      log: (line) => lines.push(line),
    });
  }, 60_000);
  afterAll(() => worker?.stop({ timeoutMs: 1_000 }));
  beforeEach(() => t.reset());

  const state = async (name: string, id: string) => (await worker.boss.findJobs(name, { id }))[0]?.state;

  it("registers the schedules: requests.expire and the evidence.verify sweep every 5 minutes, summaries.refresh and email.dispatch every minute, idempotency.purge, accounts.erase and the interactions.find sweep hourly, email.digest weekly", async () => {
    const schedules = await worker.boss.getSchedules();
    expect(schedules.map((s) => [s.name, s.cron]).sort()).toEqual([
      ["accounts.erase", "41 * * * *"],
      ["email.digest", "0 8 * * 1"],
      ["email.dispatch", "* * * * *"],
      ["evidence.verify", "*/5 * * * *"],
      ["idempotency.purge", "17 * * * *"],
      ["interactions.find", "37 * * * *"],
      ["requests.expire", "*/5 * * * *"],
      ["summaries.refresh", "* * * * *"],
    ]);
  });

  it("summaries.refresh, enqueued on demand, rewrites the stale summaries", async () => {
    const [ana, ben, cy] = [await createMember(), await createMember(), await createMember()];
    await createInteraction({ actorId: ana.id, targetId: ben.id, kind: "comment" });
    await createInteraction({ actorId: cy.id, targetId: ben.id, kind: "kudos" });
    const staleCount = () => t.db.relationshipSummary.count({ where: { OR: [{ stale: true }, { validUntil: { lte: new Date() } }] } });
    expect(await staleCount()).toBe(4); // both directions of both pairs

    const id = await enqueueJob("summaries.refresh", {});
    expect(id).toEqual(expect.any(String));
    await waitFor("summaries.refresh to complete", async () => (await state("summaries.refresh", id!)) === "completed");
    expect(await staleCount()).toBe(0);
    const row = await t.db.relationshipSummary.findUniqueOrThrow({ where: { requesterId_recipientId: { requesterId: ana.id, recipientId: ben.id } } });
    expect(row).toMatchObject({ stale: false, interactions: 1 });
    expect(row.points).toBeGreaterThan(0);
  });

  it("requests.expire expires a pending request past its date and tells the requester", async () => {
    const [ana, ben] = [await createMember(), await createMember()];
    const request = await t.db.connectionRequest.create({
      data: {
        requesterId: ana.id,
        recipientId: ben.id,
        note: "Hello",
        status: "pending",
        pendingPairKey: pairKey(ana.id, ben.id),
        snapshot: {},
        createdAt: new Date(Date.now() - 31 * DAY),
        expiresAt: new Date(Date.now() - DAY),
      },
    });
    const id = await enqueueJob("requests.expire", {});
    await waitFor("requests.expire to complete", async () => (await state("requests.expire", id!)) === "completed");
    expect(await t.db.connectionRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "expired", pendingPairKey: null });
    expect(await t.db.notification.count({ where: { memberId: ana.id, type: "request_expired" } })).toBe(1);

    // Idempotent: a second run finds nothing more to do.
    const again = await enqueueJob("requests.expire", {});
    await waitFor("the second run", async () => (await state("requests.expire", again!)) === "completed");
    expect(await t.db.notification.count({ where: { memberId: ana.id, type: "request_expired" } })).toBe(1);
  });

  it("a failing handler is retried retryLimit times, then the job is failed", async () => {
    const id = await sendJob(worker.boss, alwaysFails, { n: 1 });
    await waitFor("the job to fail", async () => (await state(alwaysFails.name, id!)) === "failed");
    expect(attempts).toBe(3); // the first try and 2 retries
    expect(lines.filter((l) => l.includes(`test.always-fails ${id}`))).toHaveLength(3);
  });

  it("refuses a payload that does not match the job's schema, before queueing it", async () => {
    await expect(sendJob(worker.boss, alwaysFails, { n: "one" })).rejects.toThrow();
  });

  it("keeps pg-boss's tables in their own schema, out of the app's", async () => {
    const rows = await t.opened.session((run) =>
      run(`SELECT table_schema, count(*)::int AS n FROM information_schema.tables WHERE table_name = 'job' GROUP BY table_schema`),
    );
    expect(rows).toEqual([{ table_schema: BOSS_SCHEMA, n: 1 }]);
  });
});
