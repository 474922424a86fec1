/* eslint-disable @typescript-eslint/no-require-imports */
// Preloaded into the benchmark's server with NODE_OPTIONS="--require scripts/bench/query-counter.cjs"
// and RAPPORT_QUERY_LOG=1: counts every SQL statement the pg driver sends, so the bench can
// report queries per request. It patches pg's Client.prototype.query (the one door Prisma's
// pg adapter uses), so the app's own code — lib/server/db.ts included — is untouched, and
// a server started without it pays nothing. The count is read through GET /api/health.
// RAPPORT_QUERY_LOG=verbose also keeps each statement with its parameters and time (for
// scripts/bench/explain.ts); =print writes each statement to stderr (the server's log).
"use strict";

const mode = process.env.RAPPORT_QUERY_LOG;
if (mode === "1" || mode === "verbose" || mode === "print") {
  const pg = require(require.resolve("pg", { paths: [process.cwd()] }));
  const verbose = mode === "verbose";
  const counter = { queries: 0, control: 0, log: [] };
  globalThis.__rapportQueryCounter = counter;
  const original = pg.Client.prototype.query;
  const CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|DEALLOCATE)\b/i;

  pg.Client.prototype.query = function countedQuery(config, values, callback) {
    const text = typeof config === "string" ? config : config && config.text;
    if (typeof text === "string" && CONTROL.test(text)) counter.control++;
    else counter.queries++;
    if (mode === "print" && typeof text === "string") process.stderr.write(`[sql] ${text.replace(/\s+/g, " ").slice(0, 200)}\n`);
    if (!verbose || typeof text !== "string") return original.call(this, config, values, callback);
    const started = process.hrtime.bigint();
    const params = Array.isArray(values) ? values : config && config.values;
    const done = () => counter.log.push({ text, params, ms: Number(process.hrtime.bigint() - started) / 1e6 });
    // pg's Pool.query calls client.query with a callback (2nd or 3rd argument); Prisma's adapter awaits a promise.
    if (typeof values === "function") return original.call(this, config, (...a) => (done(), values(...a)));
    if (typeof callback === "function") return original.call(this, config, values, (...a) => (done(), callback(...a)));
    const result = original.call(this, config, values, callback);
    if (result && typeof result.then === "function") result.then(done, () => {});
    return result;
  };
}
