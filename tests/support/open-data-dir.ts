// Opens the embedded database in a data directory as a separate process would, for
// tests/integration/embedded-lock.test.ts. Usage: npx tsx tests/support/open-data-dir.ts <dir> [sql]
// Prints {"pid", "rows"} on success; on failure prints "<ErrorName>: <message>" to stderr and
// exits with 3 for DataDirInUseError, 1 otherwise.
import { openDatabase } from "@/lib/db/create-client";

const [dataDir, sql] = process.argv.slice(2);
if (!dataDir) {
  console.error("usage: open-data-dir.ts <dir> [sql]");
  process.exit(64);
}

try {
  const opened = await openDatabase({ kind: "pglite", dataDir });
  try {
    const rows = sql ? await opened.session((run) => run(sql)) : [];
    console.log(JSON.stringify({ pid: process.pid, rows }));
  } finally {
    await opened.close();
  }
} catch (e) {
  const err = e as Error;
  console.error(`${err.name}: ${err.message}`);
  process.exitCode = err.name === "DataDirInUseError" ? 3 : 1;
}
