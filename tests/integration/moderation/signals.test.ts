import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/test-database";
import { createMember, type FactoryMember } from "@/tests/factories/members";
import { requesterRecord } from "@/lib/server/queries/requester-record";
import { flagIfTooManyNoDeclines } from "@/lib/server/services/reports/flag-no-declines";
import { dismissReport } from "@/lib/server/services/admin/dismiss-report";
import { createAdmin } from "@/tests/factories/members";
import { DAY } from "@/lib/warmup/time";

const t = useTestDatabase();
const NOW = new Date("2027-03-10T12:00:00Z");
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

let ninja: FactoryMember;
let recipients: FactoryMember[];

async function request(recipient: FactoryMember, status: string, opts: { reason?: string; daysAgo?: number } = {}) {
  const createdAt = ago(opts.daysAgo ?? 10);
  return t.db.connectionRequest.create({
    data: {
      requesterId: ninja.id,
      recipientId: recipient.id,
      note: "I'd love to learn from your experience in the field, let's talk.",
      status,
      declineReason: opts.reason ?? null,
      snapshot: {},
      createdAt,
      decidedAt: status === "pending" ? null : new Date(createdAt.getTime() + DAY),
      expiresAt: new Date(createdAt.getTime() + 30 * DAY),
    },
  });
}

beforeEach(async () => {
  await t.reset();
  ninja = await createMember({ handle: "ninja_s", name: "Business Card Ninja" });
  recipients = [];
  for (let i = 0; i < 14; i++) recipients.push(await createMember());
});

describe("the requester's 90-day record", () => {
  it("counts requests sent in the last 90 days and what became of them", async () => {
    await request(recipients[0], "accepted");
    await request(recipients[1], "accepted");
    await request(recipients[2], "declined", { reason: "no" });
    await request(recipients[3], "declined", { reason: "not_yet" });
    await request(recipients[4], "pending", { daysAgo: 1 });
    await request(recipients[5], "withdrawn");
    await request(recipients[6], "accepted", { daysAgo: 91 }); // too old
    expect(await requesterRecord(t.db, { memberId: ninja.id, now: NOW })).toEqual({ windowDays: 90, sent: 6, accepted: 2, declinedNo: 1, pending: 1 });
    expect(await requesterRecord(t.db, { memberId: recipients[0].id, now: NOW })).toEqual({ windowDays: 90, sent: 0, accepted: 0, declinedNo: 0, pending: 0 });
  });
});

describe("flagging members with many “no” declines", () => {
  async function declineNo(i: number) {
    await request(recipients[i], "declined", { reason: "no", daysAgo: 20 - i });
    return t.db.$transaction((tx) => flagIfTooManyNoDeclines(tx, ninja.id, NOW, recipients[i].id));
  }

  it("queues the member for review when a “no” brings them to the threshold, once", async () => {
    await t.db.appSettings.create({ data: { id: 1, values: { moderation: { noDeclineThreshold: 3 } } } });
    expect(await declineNo(0)).toBeNull();
    expect(await declineNo(1)).toBeNull();
    const id = await declineNo(2);
    expect(id).toEqual(expect.any(String));
    const report = await t.db.report.findUniqueOrThrow({ where: { id: id! } });
    expect(report).toMatchObject({
      subjectType: "member",
      subjectId: ninja.id,
      reporterId: recipients[2].id,
      reason: "automatic_no_declines",
      text: "Automatic: 3 “no” declines in 90 days.",
      status: "open",
    });
    // The fourth and fifth "no" do not pile up more flags; the sixth (2 × threshold) would, if none were open.
    expect(await declineNo(3)).toBeNull();
    expect(await declineNo(4)).toBeNull();
    const admin = await createAdmin();
    await dismissReport(t.db, { adminId: admin.id, input: { reportId: id! }, now: NOW });
    expect(await declineNo(5)).toEqual(expect.any(String));
    expect(await t.db.report.count({ where: { subjectId: ninja.id } })).toBe(2);
  });

  it("ignores “not yet” declines and “no” declines older than 90 days", async () => {
    await t.db.appSettings.create({ data: { id: 1, values: { moderation: { noDeclineThreshold: 2 } } } });
    await request(recipients[0], "declined", { reason: "no", daysAgo: 120 });
    await request(recipients[1], "declined", { reason: "not_yet" });
    await request(recipients[2], "declined", { reason: "no" });
    expect(await t.db.$transaction((tx) => flagIfTooManyNoDeclines(tx, ninja.id, NOW, recipients[2].id))).toBeNull();
    expect(await t.db.report.count()).toBe(0);
  });

  it("uses the default threshold of 10", async () => {
    for (let i = 0; i < 9; i++) expect(await declineNo(i)).toBeNull();
    expect(await declineNo(9)).toEqual(expect.any(String));
  });
});
