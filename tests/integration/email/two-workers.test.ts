import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenedDb } from "@/lib/db/create-client";
import { sendJob } from "@/lib/server/jobs/boss";
import { emailDispatch } from "@/lib/server/jobs/registry";
import { startWorker, type RunningWorker } from "@/lib/server/jobs/worker";
import { dispatchOutbox } from "@/lib/server/email/dispatch";
import { queueEmail } from "@/lib/server/email/outbox";
import { mailSender } from "@/lib/server/email/transport";
import { renderEmail } from "@/lib/email/layout";
import { createMember } from "@/tests/factories/members";
import { startTestSmtp, type TestSmtp } from "@/tests/support/smtp-server";
import { serverUrl, useTestDatabase } from "@/tests/support/test-database";

// Two workers, each with its own pg-boss instance and its own connection pool, on one PostgreSQL
// database; every message must reach the SMTP server exactly once. PostgreSQL only.
const t = useTestDatabase();
const onServer = Boolean(serverUrl());
const saved = { ...process.env };
const N = 40;

async function waitFor(what: string, check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!onServer)("two workers on PostgreSQL", () => {
  let smtp: TestSmtp;
  let second: OpenedDb;
  const workers: RunningWorker[] = [];

  beforeAll(async () => {
    smtp = await startTestSmtp();
    process.env.SMTP_URL = smtp.url;
    const target = t.opened.target;
    if (target.kind !== "postgres") throw new Error("expected a PostgreSQL test database");
    second = await openDatabase(target);
    for (const opened of [t.opened, second]) {
      workers.push(await startWorker({ db: opened.db, connection: opened.jobs, jobs: [emailDispatch], pollingIntervalSeconds: 0.5, concurrency: 2, log: () => {} }));
    }
  }, 60_000);
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop({ timeoutMs: 1_000 })));
    await second?.close();
    await smtp?.close();
    process.env = saved;
  });

  const queue = async (prefix: string) => {
    const member = await createMember();
    for (let i = 0; i < N; i++) {
      await queueEmail(t.db, { key: `${prefix}:${i}`, memberId: member.id, to: member.email, category: "account", message: renderEmail({ subject: `Message ${i}`, heading: "Hi", parts: [] }), now: new Date() });
    }
  };
  const sentCount = () => t.db.emailOutbox.count({ where: { status: "sent" } });

  it("each message is delivered once when both workers dispatch at the same moment", async () => {
    smtp.clear();
    await queue("jobs");
    // Several dispatch jobs on each worker at once, racing for the same rows.
    for (const w of workers) for (let i = 0; i < 3; i++) await sendJob(w.boss, emailDispatch, {});
    await waitFor("every message to be sent", async () => (await sentCount()) === N);
    await new Promise((r) => setTimeout(r, 1_000)); // room for a duplicate to show up
    const ids = smtp.received.map((m) => m.messageId);
    expect(ids).toHaveLength(N);
    expect(new Set(ids).size).toBe(N);
  }, 60_000);

  it("two dispatchers on separate connections, called together in a loop beside the workers, never send a row twice", async () => {
    smtp.clear();
    await t.db.emailOutbox.deleteMany();
    await queue("direct");
    const run = async (db: typeof t.db) => {
      for (let i = 0; i < 20; i++) await dispatchOutbox(db, { now: new Date(), sender: mailSender(), limit: 3 });
    };
    await Promise.all([run(t.db), run(second.db)]);
    // the two workers above keep dispatching too (every 5 s): rows they claimed finish with them
    await waitFor("every message to be sent", async () => (await sentCount()) === N);
    await new Promise((r) => setTimeout(r, 1_000));
    const subjects = smtp.received.map((m) => m.subject).sort();
    expect(subjects).toHaveLength(N);
    expect(new Set(subjects).size).toBe(N);
  }, 60_000);
});
