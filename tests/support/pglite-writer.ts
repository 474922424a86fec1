// Writes to an embedded database until it is killed, for
// tests/integration/reliability/crash-embedded.test.ts.
// Usage: node --import tsx tests/support/pglite-writer.ts <dataDir> [batchSize]
// Opens (and migrates) the PGlite data directory, then commits batches forever: each batch is
// one transaction that inserts `batchSize` posts with the body "batch <n>". After each commit
// it prints "committed <n>" — a line is only printed once its batch is durable.
import { openDatabase } from "@/lib/db/create-client";
import { migrate } from "@/lib/db/migrate";

const [dataDir, sizeArg] = process.argv.slice(2);
if (!dataDir) {
  console.error("usage: pglite-writer.ts <dataDir> [batchSize]");
  process.exit(64);
}
const size = Number(sizeArg || 10);

const opened = await openDatabase({ kind: "pglite", dataDir });
await migrate(opened);
const author = await opened.db.member.upsert({
  where: { handle: "crash_writer" },
  create: { handle: "crash_writer", name: "Crash Writer", email: "crash@example.test" },
  update: {},
});
const last = await opened.db.post.count();
console.log(`ready ${last}`);
for (let n = Math.floor(last / size) + 1; ; n++) {
  await opened.db.$transaction(async (tx) => {
    for (let i = 0; i < size; i++) await tx.post.create({ data: { authorId: author.id, body: `batch ${n}` } });
  });
  console.log(`committed ${n}`);
}
