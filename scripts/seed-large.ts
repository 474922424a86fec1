// A large, deterministic dataset for the benchmarks: `npm run db:seed:large -- --members 20000
// --interactions 1000000 --requests 50000 --connections 30000 --seed 42`. It writes to the
// database DATABASE_URL points at (migrated first: `npm run db:migrate`), in one transaction,
// and refuses a database that holds anyone but seeded members unless --force.
// Every seeded member signs in with the password "rapport-demo-2026"; see scripts/bench/README.md.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { dbTarget, describeTarget } from "@/lib/db/config";
import { SeedContext } from "./bench/dataset/context";
import { Layout, SEED_EMAIL_DOMAIN, SPECIAL, type SeedOptions } from "./bench/dataset/layout";
import { seedMembersAndPosts } from "./bench/dataset/members";
import { seedBlocks, seedConnections, seedRandomInteractions, seedRequests } from "./bench/dataset/population";
import { PairSet } from "./bench/dataset/requests";
import { seedGrowth, seedHeavy, seedSenders } from "./bench/dataset/specials";
import { openSeedConnection, textArray, ts, type Exec } from "./bench/dataset/sql-writer";
import { Writers } from "./bench/dataset/tables";
import { verifySeed } from "./bench/dataset/verify";
import { DAY } from "@/lib/warmup/time";
import { openDatabase } from "@/lib/db/create-client";

const { values: flags } = parseArgs({
  options: {
    members: { type: "string" },
    interactions: { type: "string" },
    requests: { type: "string" },
    connections: { type: "string" },
    posts: { type: "string" },
    senders: { type: "string" },
    seed: { type: "string", default: "42" },
    now: { type: "string" },
    "tokens-out": { type: "string" },
    "batch-size": { type: "string", default: "5000" },
    force: { type: "boolean", default: false },
    small: { type: "boolean", default: false },
    // For a database migrated by an older revision (a bench comparison against a commit built
    // in a worktree with this seed copied in): "before-summaries" (the schema up to 8710128)
    // writes the same rows without what that schema lacks — member.topics,
    // member.email_verified_at, api_token.scopes — and builds no relationship summaries.
    "legacy-schema": { type: "string" },
  },
});
const LEGACY: Record<string, { omit: string[]; summaries: boolean }> = {
  "before-summaries": { omit: ["member.topics", "member.email_verified_at", "api_token.scopes"], summaries: false },
};
const legacy = flags["legacy-schema"] === undefined ? null : LEGACY[flags["legacy-schema"]];
if (legacy === undefined) throw new Error(`--legacy-schema must be one of: ${Object.keys(LEGACY).join(", ")}.`);

const target = dbTarget();
// PGlite is one process writing through WebAssembly: a tenth of the size keeps it to a minute.
const small = flags.small || target.kind !== "postgres";
const num = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v.replace(/_/g, "")));
const members = num(flags.members, small ? 2_000 : 20_000);
const opts: SeedOptions = {
  members,
  interactions: num(flags.interactions, small ? 50_000 : 1_000_000),
  requests: num(flags.requests, small ? 2_500 : 50_000),
  connections: num(flags.connections, small ? 1_500 : 30_000),
  posts: num(flags.posts, members * 4),
  senders: num(flags.senders, small ? 40 : 400),
  sinks: 25,
  seed: num(flags.seed, 42),
  // Midnight UTC today by default: runs on the same day give the same rows.
  now: flags.now ? Date.parse(flags.now) : Math.floor(Date.now() / DAY) * DAY,
  force: flags.force,
  tokensOut: flags["tokens-out"] ?? null,
};
for (const [k, v] of Object.entries(opts)) {
  if (typeof v === "number" && !(Number.isFinite(v) && v >= 0)) throw new Error(`--${k} must be a non-negative number (got ${v}).`);
}

const started = Date.now();
const log = (msg: string) => console.error(`[seed-large ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

/** Refuses a database that is not migrated, or holds real members (unless --force), or an earlier seed. */
async function preflight(exec: Exec): Promise<void> {
  const { rows } = await exec(`SELECT to_regclass('public.member') IS NOT NULL AS ok`);
  if (!rows[0]?.ok) throw new Error("This database has no Rapport tables yet. Run `npm run db:migrate` first (same DATABASE_URL).");
  const count = (await exec(
    `SELECT count(*) FILTER (WHERE email NOT LIKE $1)::int AS others, count(*) FILTER (WHERE email LIKE $1)::int AS seeded FROM member`,
    [`%@${SEED_EMAIL_DOMAIN}`],
  )).rows[0] as { others: number; seeded: number };
  if (count.others > 0 && !opts.force) {
    throw new Error(`This database already has ${count.others} real member(s). The large seed is for an empty database; pass --force to add it anyway.`);
  }
  if (count.seeded > 0) {
    if (!opts.force) throw new Error("This database already holds a large seed. Use a fresh database, or pass --force to replace the seeded members.");
    log(`removing ${count.seeded} previously seeded members (--force)`);
    await exec(`DELETE FROM member WHERE email LIKE $1`, [`%@${SEED_EMAIL_DOMAIN}`]);
  }
}

/** Bearer tokens for the bench senders and the special members, stored hashed as the app does. */
async function writeTokens(ctx: SeedContext): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const L = ctx.layout;
  const who = [...Object.values(SPECIAL), ...Array.from({ length: opts.senders }, (_, k) => L.sender(k))];
  for (const [n, i] of who.entries()) {
    const token = `rpt_${crypto.randomBytes(32).toString("base64url")}`;
    const hash = crypto.createHash("sha256").update(token, "utf8").digest("hex");
    // Every scope but admin (the bench reads and writes content and requests); no expiry.
    await ctx.w.api_token.push([Layout.id("t", n), L.memberId(i), "bench", token.slice(4, 12), hash, textArray(["read", "write:content", "write:requests"]), ts(opts.now)]);
    out[L.handle(i)] = token;
  }
  return out;
}

async function main() {
  log(`target ${describeTarget(target)}; ${JSON.stringify({ ...opts, now: new Date(opts.now).toISOString() })}`);
  const conn = await openSeedConnection(target);
  let tokens: Record<string, string> | null = null;
  let ctx: SeedContext;
  const writers = new Writers(conn.exec, num(flags["batch-size"], 5_000), new Set(legacy?.omit ?? []));
  try {
    await preflight(conn.exec);
    await conn.exec("BEGIN");
    ctx = new SeedContext(opts, writers.w);
    await seedMembersAndPosts(ctx);
    log(`members ${opts.members}, posts ${writers.w.post.rows}`);
    const pairs = new PairSet(opts.members);
    await seedHeavy(ctx, pairs);
    await seedGrowth(ctx, pairs);
    await seedSenders(ctx);
    log(`special members: ${JSON.stringify(ctx.tally)}`);
    await seedRequests(ctx, pairs, opts.requests);
    await writers.w.connection_request.flush();
    log(`requests ${ctx.seq.request}`);
    await writers.w.connection.flush();
    await seedConnections(ctx, pairs, opts.connections - writers.w.connection.rows);
    await seedBlocks(ctx, pairs, Math.floor(opts.members / 50));
    const rest = opts.interactions - ctx.seq.interaction;
    log(`connections ${opts.connections}; ${rest} population interactions to go`);
    await seedRandomInteractions(ctx, Math.max(0, rest), (n) => log(`  ${n} population interactions`));
    if (opts.tokensOut) tokens = await writeTokens(ctx);
    await writers.flushAll();
    await conn.exec("COMMIT");
  } catch (e) {
    await conn.exec("ROLLBACK").catch(() => {});
    await conn.close();
    throw e;
  }
  const loadedIn = Date.now() - started;
  log("committed; ANALYZE");
  await conn.exec("ANALYZE");
  const { facts, problems } = await verifySeed(conn.exec, opts.now);
  await conn.close();
  // The data went in as SQL, not through the services: build the relationship summaries from
  // it, at the real time the app will read them (rows due between --now and then would be
  // evaluated on every read until rewritten).
  if (legacy?.summaries !== false) {
    // Imported here: an older revision (--legacy-schema) has no summaries module.
    const { rebuildSummaries } = await import("@/lib/server/services/summaries/rebuild");
    const summariesStarted = Date.now();
    const opened = await openDatabase(target);
    const { refreshed } = await rebuildSummaries(opened.db, { now: new Date(), batch: 2_000 });
    await opened.close();
    log(`relationship summaries: ${refreshed} in ${Math.round((Date.now() - summariesStarted) / 100) / 10}s`);
  }
  if (tokens && opts.tokensOut) {
    fs.mkdirSync(path.dirname(path.resolve(opts.tokensOut)), { recursive: true });
    fs.writeFileSync(opts.tokensOut, JSON.stringify({ tokens }, null, 2), { mode: 0o600 });
  }
  const summary = {
    seconds: Math.round(loadedIn / 100) / 10,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    rows: writers.counts(),
    interactionsByPurpose: ctx!.tally,
    facts,
    problems,
  };
  console.log(`SEED_SUMMARY ${JSON.stringify(summary)}`);
  log(`done in ${summary.seconds}s (loading), peak RSS ${summary.peakRssMiB} MiB`);
  if (problems.length) {
    console.error(`The seed broke its own rules:\n- ${problems.join("\n- ")}`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(`seed-large failed: ${(e as Error).message}`);
  process.exitCode = 1;
});
