import { beforeEach, describe, expect, it } from "vitest";
import { notSuspendedAtWhere, suspendedAtWhere } from "@/lib/server/queries/suspension";
import { isSuspendedAt } from "@/lib/warmup/suspension";
import { addDays } from "@/lib/warmup/time";
import { createMember } from "@/tests/factories/members";
import { useTestDatabase } from "@/tests/support/test-database";

const t = useTestDatabase();
const NOW = new Date("2026-05-10T12:00:00Z");

describe("suspendedAtWhere / notSuspendedAtWhere", () => {
  beforeEach(() => t.reset());

  it("say in SQL what isSuspendedAt says in code, at the boundary too", async () => {
    const states = [
      { suspendedAt: null, suspendedUntil: null },
      { suspendedAt: addDays(NOW, -3), suspendedUntil: null },
      { suspendedAt: addDays(NOW, -3), suspendedUntil: addDays(NOW, 2) },
      { suspendedAt: addDays(NOW, -3), suspendedUntil: addDays(NOW, -1) },
      { suspendedAt: addDays(NOW, -3), suspendedUntil: NOW },
    ];
    const members = await Promise.all(states.map((s) => createMember(s)));
    const ids = members.map((m) => m.id);
    const rows = await t.db.member.findMany({ where: { id: { in: ids } }, select: { id: true, suspendedAt: true, suspendedUntil: true } });
    const expected = rows.filter((m) => isSuspendedAt(m, NOW)).map((m) => m.id).sort();
    expect(expected).toHaveLength(2);
    const suspended = await t.db.member.findMany({ where: { id: { in: ids }, ...suspendedAtWhere(NOW) }, select: { id: true } });
    const free = await t.db.member.findMany({ where: { id: { in: ids }, ...notSuspendedAtWhere(NOW) }, select: { id: true } });
    expect(suspended.map((m) => m.id).sort()).toEqual(expected);
    expect(free.map((m) => m.id).sort()).toEqual(ids.filter((id) => !expected.includes(id)).sort());
  });
});
