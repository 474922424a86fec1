import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { afterCommit, inUnitOfWork } from "@/lib/server/unit-of-work";
import { useTestDatabase } from "@/tests/support/test-database";

// queueEvidenceCheck sends its job through afterCommit: the job must see the logged row.
const t = useTestDatabase();

describe("afterCommit", () => {
  it("runs once the unit of work has committed: it sees the write from outside the transaction", async () => {
    let seen = -1;
    let done!: () => void;
    const ran = new Promise<void>((r) => (done = r));
    await inUnitOfWork(t.db, async (db) => {
      await db.member.create({ data: { email: "ac@example.test", handle: "after_commit", name: "After Commit" } });
      afterCommit(async () => {
        seen = await t.db.member.count({ where: { handle: "after_commit" } });
        done();
      });
    });
    await ran;
    expect(seen).toBe(1);
  });

  it("does not run when the write is refused", async () => {
    let ran = false;
    await expect(
      inUnitOfWork(t.db, async () => {
        afterCommit(async () => {
          ran = true;
        });
        throw new AppError("validation", "no");
      }),
    ).rejects.toThrow("no");
    await new Promise((r) => setTimeout(r, 50));
    expect(ran).toBe(false);
  });

  it("runs at once outside a unit of work", async () => {
    let ran = false;
    afterCommit(async () => {
      ran = true;
    });
    expect(ran).toBe(true);
  });
});
