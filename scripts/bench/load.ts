// The load generator, run as its own process (`tsx scripts/bench/load.ts <spec.json>`) so it
// never shares an event loop with the server it measures. One run of spec.duration seconds;
// prints one JSON LoadResult.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import autocannon from "autocannon";
import { summarise, type LoadResult, type LoadSpec } from "./stats";

const spec = JSON.parse(fs.readFileSync(process.argv[2], "utf8")) as LoadSpec;

/** The send-request rotation: consecutive requests use different senders and different recipients. */
let sent = spec.startAt ?? 0;
function nextSend(): { token: string; body: string } {
  const { tokens, sinks } = spec.send!;
  // --write-offset: a later run on a kept database starts further along, meeting no earlier request.
  const i = sent++ + (spec.send!.offset ?? 0);
  const s = i % tokens.length;
  const sink = sinks[(s + Math.floor(i / tokens.length)) % sinks.length];
  const note = `I enjoyed your benchmark write-up on indexing and would like to keep learning from you (run ${i}).`;
  return { token: tokens[s], body: JSON.stringify({ to: sink, note }) };
}

/** A write path's precomputed calls, from startAt on. */
let step = spec.startAt ?? 0;
function nextInSequence() {
  const list = spec.sequence!;
  return list[step++ % list.length];
}

/** `npm run bench -- --idempotency-keys`: every write carries a fresh Idempotency-Key (a client that retries safely). */
const keyed = process.env.RAPPORT_BENCH_IDEMPOTENCY_KEYS === "1";
const keyHeader = (): Record<string, string> => (keyed ? { "idempotency-key": randomUUID() } : {});

/** Refusals are expected (a spent weekly budget, a used-up log): count them by code. */
function countRefusal(codes: Record<string, number>, code: number, body: string) {
  if (code < 400) return;
  const key = `${code} ${(/"code"\s*:\s*"([a-z_]+)"/.exec(body) ?? [])[1] ?? "?"}`;
  codes[key] = (codes[key] ?? 0) + 1;
}

async function run(seconds: number) {
  const latencies: number[] = [];
  const status: Record<string, number> = {};
  const codes: Record<string, number> = {};
  const instance = autocannon({
    url: spec.origin,
    connections: spec.connections,
    duration: seconds,
    timeout: 30,
    ...(spec.rate ? { overallRate: spec.rate } : {}),
    requests: [
      {
        method: spec.method,
        path: spec.path,
        headers: spec.headers,
        ...(spec.send
          ? {
              setupRequest: (req) => {
                const { token, body } = nextSend();
                return { ...req, body, headers: { ...req.headers, authorization: `Bearer ${token}`, "content-type": "application/json", ...keyHeader() } };
              },
              onResponse: (code, body) => countRefusal(codes, code, body),
            }
          : {}),
        ...(spec.sequence
          ? {
              setupRequest: (req) => {
                const r = nextInSequence();
                const headers = { ...req.headers, authorization: `Bearer ${r.token}`, ...(r.body ? { "content-type": "application/json" } : {}), ...keyHeader() };
                return { ...req, method: r.method, path: r.path, body: r.body, headers };
              },
              onResponse: (code, body) => countRefusal(codes, code, body),
            }
          : {}),
      },
    ],
  });
  const started = performance.now();
  instance.on("response", (_client, code, _bytes, ms) => {
    latencies.push(ms);
    status[code] = (status[code] ?? 0) + 1;
  });
  const result = await instance;
  return {
    latencies,
    status,
    codes,
    sent: result.requests.sent,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds: (performance.now() - started) / 1000,
  };
}

const r = await run(spec.duration);
const out: LoadResult = {
  name: spec.name,
  ...summarise(r.latencies, r.seconds),
  sent: r.sent,
  status: r.status,
  codes: r.codes,
  errors: r.errors,
  timeouts: r.timeouts,
};
process.stdout.write(JSON.stringify(out));
