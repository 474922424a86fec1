import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/create-client";
import { setClockForTests } from "@/lib/server/clock";
import { getAppSettings } from "@/lib/server/settings";
import { sendRequest } from "@/lib/server/services/requests/send-request";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { expireRequests } from "@/lib/server/services/requests/expire-requests";
import { createMember, type FactoryMember } from "@/tests/factories/members";
import { useTestDatabase } from "@/tests/support/test-database";
import { get } from "@/tests/integration/api/http";
import { requestReviewData } from "@/lib/server/loaders/request-review";
import { NOTE, NOW, daysAfter, warmUp } from "./helpers";

/**
 * Reads never write: opening a request whose expiry has passed shows it as expired and
 * leaves the database as it was — the row is expired by `npm run jobs:expire` or by the
 * next write that touches it, and only then is the requester notified.
 */
const t = useTestDatabase();

let ana: FactoryMember;
let ben: FactoryMember;
let requestId: string;
const LATER = daysAfter(NOW, 31);

async function counts(db: Db) {
  const [byStatus, notifications, audit] = await Promise.all([
    db.connectionRequest.groupBy({ by: ["status"], _count: { _all: true }, orderBy: { status: "asc" } }),
    db.notification.count(),
    db.auditEvent.count(),
  ]);
  return { statuses: Object.fromEntries(byStatus.map((r) => [r.status, r._count._all])), notifications, audit };
}

beforeEach(async () => {
  await t.reset();
  ana = await createMember({ name: "Ana Ferreira" });
  ben = await createMember({ name: "Ben Okafor" });
  await warmUp(ben.id, ana.id);
  requestId = ((await sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW })) as { requestId: string }).requestId;
});
afterEach(() => setClockForTests(undefined));

describe("an expired request, opened", () => {
  it("the review page's loader shows it expired to both members and writes nothing", async () => {
    const before = await counts(t.db);
    for (const viewer of [ana, ben]) {
      const data = await requestReviewData(t.db, { viewer, requestId, now: LATER, settings: await getAppSettings(t.db) });
      expect(data?.req).toMatchObject({ id: requestId, status: "expired", decidedAt: daysAfter(NOW, 30) });
    }
    expect(await counts(t.db)).toEqual(before);
    expect(before.statuses).toEqual({ pending: 1 });
  });

  it("GET /api/v1/connection-requests/{id} and the list show it expired and write nothing", async () => {
    const anaToken = (await createToken(t.db, { memberId: ana.id, input: { name: "reads" }, now: NOW })).token;
    const benToken = (await createToken(t.db, { memberId: ben.id, input: { name: "reads" }, now: NOW })).token;
    setClockForTests(LATER);
    const before = await counts(t.db);
    expect(before.statuses).toEqual({ pending: 1 });

    const forAna = await get(`/api/v1/connection-requests/${requestId}`, { token: anaToken });
    expect(forAna.status).toBe(200);
    expect(forAna.body).toMatchObject({ id: requestId, status: "expired" });
    const forBen = await get(`/api/v1/connection-requests?status=settled`, { token: benToken });
    expect(forBen.status).toBe(200);
    expect(forBen.body.items).toMatchObject([{ id: requestId, status: "expired" }]);
    const pending = await get(`/api/v1/connection-requests?status=pending`, { token: anaToken });
    expect(pending.body.items).toEqual([]);

    expect(await counts(t.db)).toEqual(before);

    // The job is what expires the row and tells the requester.
    expect(await expireRequests(t.db, { now: LATER })).toBe(1);
    const after = await counts(t.db);
    expect(after.statuses).toEqual({ expired: 1 });
    expect(after.notifications).toBe(before.notifications + 1);
    expect(after.audit).toBe(before.audit + 1);
  });
});
