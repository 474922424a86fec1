import { describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/lib/db/create-client";
import { createMember } from "@/tests/factories/members";
import { serverUrl, useTestDatabase } from "@/tests/support/test-database";

/**
 * On a PostgreSQL server every statement Prisma sends is named (lib/db/create-client.ts,
 * `statementNames`): a connection parses it once and runs it again by name, and PostgreSQL may
 * keep a generic plan for it. PGlite has no such option (its adapter runs statements as they
 * come), so this file runs on the server only.
 */
const onServer = Boolean(serverUrl());
const t = useTestDatabase();

type Prepared = { statement: string; generic_plans: bigint; custom_plans: bigint };

/** Runs the same lookup `times` times on one connection, then lists what that connection prepared. */
async function lookUpRepeatedly(db: Db, memberId: string, times: number): Promise<Prepared[]> {
  return db.$transaction(async (tx) => {
    for (let i = 0; i < times; i++) await tx.member.findUnique({ where: { id: memberId }, select: { dateLocale: true, discoverable: true } });
    return tx.$queryRaw<Prepared[]>`SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements`;
  });
}

describe.runIf(onServer)("prepared statements on PostgreSQL", () => {
  it("prepare a repeated statement once per connection and keep a generic plan for it", async () => {
    const member = await createMember();
    const prepared = await lookUpRepeatedly(t.db, member.id, 8);
    const lookup = prepared.filter((p) => p.statement.includes('"t0"."discoverable" FROM "public"."member"'));
    expect(lookup).toHaveLength(1);
    // Parsed once, run eight times: planned for its values five times, then with the plan it keeps.
    expect({ custom: Number(lookup[0].custom_plans), generic: Number(lookup[0].generic_plans) }).toEqual({ custom: 5, generic: 3 });
  });

  it("are not used when DATABASE_STATEMENT_CACHE is 0 (PgBouncer before 1.21)", async () => {
    const member = await createMember();
    const saved = process.env.DATABASE_STATEMENT_CACHE;
    process.env.DATABASE_STATEMENT_CACHE = "0";
    const off = await openDatabase({ kind: "postgres", url: t.opened.target.kind === "postgres" ? t.opened.target.url : "" });
    try {
      expect(await lookUpRepeatedly(off.db, member.id, 3)).toEqual([]);
      expect(await off.db.member.findUnique({ where: { id: member.id }, select: { id: true } })).toEqual({ id: member.id });
    } finally {
      if (saved === undefined) delete process.env.DATABASE_STATEMENT_CACHE;
      else process.env.DATABASE_STATEMENT_CACHE = saved;
      await off.close();
    }
  });
});
