/** What the load generator is told to do (written to a JSON file by run.ts). */
export type LoadSpec = {
  name: string;
  origin: string;
  method: "GET" | "POST" | "PUT";
  path: string;
  headers: Record<string, string>;
  duration: number;
  connections: number;
  /** a fixed request rate (req/s, all connections together) instead of as fast as possible */
  rate?: number;
  /** the send-request path: where in the rotation to start (after a warm-up's sends) */
  startAt?: number;
  /** the send-request path: bearer tokens of warm senders and the handles they are warm with */
  send?: { tokens: string[]; sinks: string[]; offset?: number };
  /** write paths: the calls to make, in order from startAt (wrapping around) */
  sequence?: SequenceRequest[];
};

export type SequenceRequest = { method: "POST" | "PUT"; path: string; token: string; body?: string };

export type Latency = { mean: number; p50: number; p95: number; p99: number; max: number };

export type LoadResult = {
  name: string;
  /** responses received */
  requests: number;
  /** requests sent, including those still in flight when the run ended (the server still works on them) */
  sent: number;
  seconds: number;
  rps: number;
  latency: Latency;
  /** responses per HTTP status */
  status: Record<string, number>;
  /** refusals per "status code" (send path only) */
  codes: Record<string, number>;
  errors: number;
  timeouts: number;
};

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (n: number) => Math.round(n * 100) / 100;

export function summarise(latencies: number[], seconds: number): Pick<LoadResult, "requests" | "seconds" | "rps" | "latency"> {
  const sorted = Float64Array.from(latencies).sort();
  const arr = Array.from(sorted);
  const mean = arr.reduce((s, x) => s + x, 0) / (arr.length || 1);
  return {
    requests: arr.length,
    seconds: round(seconds),
    rps: round(arr.length / seconds),
    latency: {
      mean: round(mean),
      p50: round(percentile(arr, 50)),
      p95: round(percentile(arr, 95)),
      p99: round(percentile(arr, 99)),
      max: round(arr.at(-1) ?? 0),
    },
  };
}
