import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { markNotificationsRead } from "@/lib/server/services/notifications/mark-read";
import { createMember } from "@/tests/factories/members";
import { useTestDatabase } from "@/tests/support/test-database";

const t = useTestDatabase();
beforeEach(() => t.reset());

const NOW = new Date("2027-03-10T12:00:00.000Z");
const EARLIER = new Date("2027-03-01T12:00:00.000Z");

async function note(memberId: string, readAt: Date | null = null) {
  const row = await t.db.notification.create({ data: { memberId, type: "mentioned", data: {}, createdAt: EARLIER, readAt } });
  return row.id;
}

describe("marking the notifications a page showed as read", () => {
  it("reads exactly the shown ones that are the member's own and unread", async () => {
    const ana = await createMember();
    const ben = await createMember();
    const shown = [await note(ana.id), await note(ana.id)];
    const notShown = await note(ana.id);
    const alreadyRead = await note(ana.id, EARLIER);
    const bens = await note(ben.id);

    const count = await markNotificationsRead(t.db, { memberId: ana.id, input: { ids: [...shown, alreadyRead, bens] }, now: NOW });

    expect(count).toBe(2);
    const rows = await t.db.notification.findMany({ select: { id: true, readAt: true } });
    const readAt = new Map(rows.map((r) => [r.id, r.readAt?.toISOString() ?? null]));
    expect(shown.map((id) => readAt.get(id))).toEqual([NOW.toISOString(), NOW.toISOString()]);
    expect(readAt.get(notShown)).toBeNull();
    expect(readAt.get(alreadyRead)).toBe(EARLIER.toISOString()); // an earlier read time stays
    expect(readAt.get(bens)).toBeNull(); // someone else's id matches nothing
  });

  it.each([
    [[], "ids"],
    [Array.from({ length: 26 }, (_, i) => `n${i}`), "ids"],
    [[""], "ids.0"],
  ])("refuses %j naming the field %s, and writes nothing", async (ids, field) => {
    const ana = await createMember();
    await note(ana.id);
    const error = await markNotificationsRead(t.db, { memberId: ana.id, input: { ids }, now: NOW }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("validation");
    expect(Object.keys((error as AppError).fields ?? {})).toContain(field);
    expect(await t.db.notification.count({ where: { readAt: null } })).toBe(1);
  });
});
