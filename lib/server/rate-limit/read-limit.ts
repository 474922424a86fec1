import "server-only";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

/**
 * Read limits: how many API reads a token, a member and an address may make per minute
 * (rate-limiter-flexible, fixed one-minute windows). In process memory by default — right for
 * the embedded single-instance setup — and in Redis when REDIS_URL is set, so every instance
 * spends from one budget.
 *
 * Redis down: we fail *soft*, not open and not closed. Each RateLimiterRedis carries an
 * in-memory insurance limiter with the same limits, so while Redis is unreachable every
 * instance still limits on its own (n instances allow up to n × the limit) and one warning is
 * logged per outage. Failing closed would turn a cache outage into an API outage for every
 * member; failing fully open would leave the site scrapeable for as long as Redis is away.
 */
export type ReadLimits = { perMember: number; perIp: number };

export type ReadKeys = { ip: string; memberId?: string | null; tokenId?: string | null };

export type ReadVerdict = {
  ok: boolean;
  /** the limit of the key closest to (or over) its limit */
  limit: number;
  remaining: number;
  /** seconds until that key's window resets (Retry-After when refused) */
  resetSeconds: number;
};

const WINDOW_SECONDS = 60;

const envLimit = (name: string, fallback: number) => {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const v = Number.parseInt(raw, 10);
  return Number.isFinite(v) && v >= 0 ? v : fallback;
};

/** From the environment; 0 turns a limit off. */
export function readLimitsFromEnv(): ReadLimits {
  return {
    perMember: envLimit("RAPPORT_READ_LIMIT_PER_MINUTE", 600),
    perIp: envLimit("RAPPORT_READ_LIMIT_PER_IP_PER_MINUTE", 1200),
  };
}

export class ReadLimiter {
  constructor(
    readonly limits: ReadLimits,
    private readonly member: RateLimiterAbstract | null,
    private readonly ip: RateLimiterAbstract | null,
    private readonly close: () => Promise<void> = async () => {},
    private readonly ready: () => Promise<void> = async () => {},
  ) {}

  /** Spends one read from each key's budget; null when every limit is off. */
  async consume(keys: ReadKeys): Promise<ReadVerdict | null> {
    const spends: Promise<{ res: RateLimiterRes; limit: number; ok: boolean } | null>[] = [];
    const spend = (limiter: RateLimiterAbstract | null, key: string | null | undefined, limit: number) => {
      if (!limiter || !key) return;
      spends.push(
        limiter.consume(key).then(
          (res) => ({ res, limit, ok: true }),
          (e: unknown) => {
            if (e instanceof RateLimiterRes) return { res: e, limit, ok: false };
            // Only without an insurance limiter (never configured so); do not refuse reads for it.
            console.warn("[rate-limit] could not count a read:", e instanceof Error ? e.message : e);
            return null;
          },
        ),
      );
    };
    spend(this.member, keys.tokenId ? `t:${keys.tokenId}` : null, this.limits.perMember);
    spend(this.member, keys.memberId ? `m:${keys.memberId}` : null, this.limits.perMember);
    spend(this.ip, `ip:${keys.ip}`, this.limits.perIp);
    const results = (await Promise.all(spends)).filter((r) => r !== null);
    if (results.length === 0) return null;
    const refused = results.filter((r) => !r.ok).sort((a, b) => b.res.msBeforeNext - a.res.msBeforeNext);
    const worst = refused[0] ?? results.sort((a, b) => a.res.remainingPoints / a.limit - b.res.remainingPoints / b.limit)[0];
    return {
      ok: refused.length === 0,
      limit: worst.limit,
      remaining: worst.ok ? Math.max(0, worst.res.remainingPoints) : 0,
      resetSeconds: Math.max(1, Math.ceil(worst.res.msBeforeNext / 1000)),
    };
  }

  shutdown(): Promise<void> {
    return this.close();
  }

  /** Resolves once the shared store is connected (at once for memory); tests wait on it. */
  connected(): Promise<void> {
    return this.ready();
  }
}

/** One process's own counters: the embedded default, and tests. */
export function memoryReadLimiter(limits: ReadLimits): ReadLimiter {
  const make = (points: number) => (points > 0 ? new RateLimiterMemory({ points, duration: WINDOW_SECONDS }) : null);
  return new ReadLimiter(limits, make(limits.perMember), make(limits.perIp));
}

/**
 * Counters in Redis, shared by every instance pointing at it. `keyPrefix` separates
 * deployments (and test runs) sharing one Redis.
 */
export function redisReadLimiter(limits: ReadLimits, url: string, keyPrefix = "rapport:read"): ReadLimiter {
  const client = new Redis(url, {
    // Fail fast instead of queueing reads behind a dead connection; the insurance limiter answers.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
  });
  let warned = false;
  client.on("error", (e: Error) => {
    if (warned) return;
    warned = true;
    console.warn(
      `[rate-limit] Redis (REDIS_URL) is unreachable: ${e.message}. Read limits fall back to each instance's own memory ` +
        "until it is back (several instances then allow up to that many times the limit); reads are not refused for it.",
    );
  });
  client.on("ready", () => {
    if (warned) console.warn("[rate-limit] Redis is back: read limits are shared again.");
    warned = false;
  });
  const make = (points: number, name: string) =>
    points > 0
      ? new RateLimiterRedis({
          storeClient: client,
          keyPrefix: `${keyPrefix}:${name}`,
          points,
          duration: WINDOW_SECONDS,
          rejectIfRedisNotReady: true,
          insuranceLimiter: new RateLimiterMemory({ points, duration: WINDOW_SECONDS }),
        })
      : null;
  const ready = () =>
    client.status === "ready" ? Promise.resolve() : new Promise<void>((resolve) => client.once("ready", () => resolve()));
  return new ReadLimiter(
    limits,
    make(limits.perMember, "member"),
    make(limits.perIp, "ip"),
    async () => {
      client.disconnect();
    },
    ready,
  );
}

const g = globalThis as typeof globalThis & { __rapportReadLimiter?: ReadLimiter };

/** The process's limiter, made on first use from the environment (never at import: next build). */
export function readLimiter(): ReadLimiter {
  if (!g.__rapportReadLimiter) {
    const limits = readLimitsFromEnv();
    const url = process.env.REDIS_URL?.trim();
    g.__rapportReadLimiter = url && (limits.perMember > 0 || limits.perIp > 0) ? redisReadLimiter(limits, url) : memoryReadLimiter(limits);
  }
  return g.__rapportReadLimiter;
}

/** Tests: use this limiter (undefined: back to the environment's, made afresh). */
export function setReadLimiterForTests(limiter: ReadLimiter | undefined): void {
  g.__rapportReadLimiter = limiter;
}

/** The standard headers (IETF draft "RateLimit header fields for HTTP", the widely used three-header form). */
export function rateLimitHeaders(v: ReadVerdict): Record<string, string> {
  return { "RateLimit-Limit": String(v.limit), "RateLimit-Remaining": String(v.remaining), "RateLimit-Reset": String(v.resetSeconds) };
}
