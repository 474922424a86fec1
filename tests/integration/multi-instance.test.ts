import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { DEFAULT_APP_SETTINGS } from "@/lib/validation/app-settings";
import { createMember } from "@/tests/factories/members";
import { createInteraction } from "@/tests/factories/relations";
import { serverUrl, useTestDatabase } from "@/tests/support/test-database";
import { startServer, type BenchServer } from "@/scripts/bench/server";
import { DAY } from "@/lib/warmup/time";

/**
 * The rules that must hold "across several app instances sharing one database" (PRODUCT §4),
 * checked with two real `next start` processes on one fresh PostgreSQL database and bearer
 * tokens: nothing in either process's memory may decide a limit or the one-pending-request
 * rule. Needs a PostgreSQL server (DATABASE_URL) and a production build (`npm run build`).
 */
function skipReason(): string | null {
  if (!serverUrl()) return "DATABASE_URL is not a PostgreSQL URL";
  if (!fs.existsSync(".next/BUILD_ID")) return "no production build: run `npm run build` first";
  const routes = fs.readFileSync(".next/app-path-routes-manifest.json", "utf8");
  if (!routes.includes("/api/v1/connection-requests") || !routes.includes("/api/health")) return "the build predates the HTTP API: run `npm run build` again";
  return null;
}
const reason = skipReason();
if (reason) console.warn(`multi-instance.test.ts skipped: ${reason}`);

const NOTE = "I enjoyed your talk on Postgres indexing at the meetup and would like to stay in touch.";

describe.skipIf(reason !== null)("two app instances sharing one database", () => {
  const t = useTestDatabase();
  const servers: BenchServer[] = [];
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-multi-"));

  beforeAll(async () => {
    const target = t.opened.target;
    if (target.kind !== "postgres") throw new Error("expected a PostgreSQL test database");
    // One secret for both, as behind a load balancer (only bearer tokens are used here anyway).
    const extraEnv = { AUTH_SECRET: crypto.randomBytes(32).toString("base64url") };
    servers.push(...(await Promise.all([0, 1].map(() => startServer({ databaseUrl: target.url, logDir, extraEnv })))));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  /** A member warm toward `to` under the standard protocol: two comments, two days, real now. */
  async function warm(fromId: string, toId: string) {
    const now = Date.now();
    await createInteraction({ actorId: fromId, targetId: toId, kind: "comment", occurredAt: new Date(now - 3 * DAY) });
    await createInteraction({ actorId: fromId, targetId: toId, kind: "comment", occurredAt: new Date(now - DAY) });
  }

  const tokenFor = async (memberId: string) => (await createToken(t.db, { memberId, input: { name: "multi-instance test" }, now: new Date() })).token;

  /** POST /api/v1/connection-requests on instance `i % 2`. */
  async function send(i: number, token: string, to: string): Promise<{ status: number; code?: string; outcome?: string }> {
    const res = await fetch(`${servers[i % 2].origin}/api/v1/connection-requests`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ to, note: NOTE }),
    });
    const body = (await res.json()) as { code?: string; outcome?: string };
    return { status: res.status, code: body.code, outcome: body.outcome };
  }

  it("holds the weekly limit exactly when sends arrive through both instances at once", async () => {
    const { weeklyLimit, pendingCap } = DEFAULT_APP_SETTINGS.requests;
    const attempts = weeklyLimit + 10;
    expect(attempts).toBeLessThan(pendingCap); // so only the weekly limit can refuse
    const sender = await createMember();
    const recipients = await Promise.all(Array.from({ length: attempts }, () => createMember()));
    for (const r of recipients) await warm(sender.id, r.id);
    const token = await tokenFor(sender.id);

    const results = await Promise.all(recipients.map((r, i) => send(i, token, r.handle)));

    expect(results.filter((r) => r.status === 201)).toHaveLength(weeklyLimit);
    expect(results.filter((r) => r.status !== 201).map((r) => r.code)).toEqual(Array(attempts - weeklyLimit).fill("weekly_limit"));
    expect(await t.db.connectionRequest.count({ where: { requesterId: sender.id } })).toBe(weeklyLimit);
  }, 60_000);

  it("stores one pending request when the same send arrives through both instances at once", async () => {
    const ana = await createMember();
    const ben = await createMember();
    await warm(ana.id, ben.id);
    const token = await tokenFor(ana.id);

    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => send(i, token, ben.handle)));

    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status !== 201).map((r) => r.code)).toEqual(Array(9).fill("duplicate_pending"));
    expect(await t.db.connectionRequest.count({ where: { requesterId: ana.id, recipientId: ben.id, status: "pending" } })).toBe(1);
  }, 60_000);

  it("crossing sends (A→B on one instance, B→A on the other) end in one request or one connection", async () => {
    for (let round = 0; round < 5; round++) {
      const a = await createMember();
      const b = await createMember();
      await warm(a.id, b.id);
      await warm(b.id, a.id);
      const [ta, tb] = await Promise.all([tokenFor(a.id), tokenFor(b.id)]);

      const results = await Promise.all([send(0, ta, b.handle), send(1, tb, a.handle)]);

      const pair = { OR: [{ requesterId: a.id, recipientId: b.id }, { requesterId: b.id, recipientId: a.id }] };
      const requests = await t.db.connectionRequest.findMany({ where: pair, select: { status: true } });
      const [memberAId, memberBId] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
      const connected = (await t.db.connection.count({ where: { memberAId, memberBId } })) === 1;
      // Never two requests for the pair: either the second send answered the first (connected),
      // or it was refused as a duplicate of the pending one.
      expect(requests).toHaveLength(1);
      if (connected) {
        expect(requests[0].status).toBe("accepted");
        expect(results.map((r) => r.outcome).sort()).toEqual(["connected", "sent"]);
      } else {
        expect(requests[0].status).toBe("pending");
        expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
        expect(results.find((r) => r.status === 409)?.code).toBe("duplicate_pending");
      }
    }
  }, 60_000);
});
