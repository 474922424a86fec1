import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFetcher, FetchRefused, isPublicAddress, parseRetryAfter, ProviderFault } from "@/lib/server/verify/safe-fetch";
import { localServer } from "@/tests/support/local-server";

type Srv = Awaited<ReturnType<typeof localServer>>;
let srv: Srv;
let other: Srv;
const hits: Record<string, number> = {};
const seenAt: Record<string, number[]> = {};

beforeAll(async () => {
  other = await localServer((_q, r) => r.end(JSON.stringify({ secret: true })));
  srv = await localServer((q, r) => {
    const path = q.url ?? "/";
    hits[path] = (hits[path] ?? 0) + 1;
    (seenAt[path] ??= []).push(Date.now());
    if (path === "/ok") return r.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ua: q.headers["user-agent"] }));
    if (path === "/huge-declared") return r.writeHead(200, { "content-length": String(2 * 1024 * 1024) }).end();
    if (path === "/two-mib") return r.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify("x".repeat(2 * 1024 * 1024)));
    if (path === "/endless") {
      r.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, 32);
      const pump = () => {
        while (r.write(chunk)) if (r.destroyed) return;
        r.once("drain", pump);
      };
      r.on("close", () => r.removeAllListeners("drain"));
      return pump();
    }
    if (path === "/slow") return setTimeout(() => r.end("{}"), 2_000).unref();
    if (path === "/redirect-other") return r.writeHead(302, { location: `${other.url}/x` }).end();
    if (path === "/redirect-loopback-name") return r.writeHead(302, { location: "http://localhost:1/x" }).end();
    if (path === "/redirect-same") return r.writeHead(301, { location: "/ok" }).end();
    if (path === "/limited") {
      if (hits[path] === 1) return r.writeHead(429, { "retry-after": "1" }).end();
      return r.writeHead(200).end(JSON.stringify({ after: true }));
    }
    if (path === "/limited-long") return r.writeHead(429, { "retry-after": "120" }).end();
    if (path === "/echo-post") {
      let b = "";
      q.on("data", (c) => (b += c));
      return q.on("end", () => r.writeHead(200).end(JSON.stringify({ method: q.method, type: q.headers["content-type"], got: JSON.parse(b || "null") })));
    }
    if (path === "/post-redirect") return r.writeHead(307, { location: "/ok" }).end();
    if (path === "/forbidden-limited") return r.writeHead(403, { "x-ratelimit-remaining": "0" }).end(JSON.stringify({ message: "API rate limit exceeded" }));
    if (path === "/down") return r.writeHead(502).end("Bad gateway");
    if (path === "/nonsense") return r.writeHead(200).end("<html>hello</html>");
    if (path === "/missing") return r.writeHead(404).end(JSON.stringify({ error: "NotFound" }));
    r.writeHead(500).end();
  });
});
afterAll(async () => {
  await srv.close();
  await other.close();
});

const fetcher = (o: Parameters<typeof createFetcher>[0] = {}) => createFetcher({ minIntervalMs: 0, ...o });

describe("safe fetcher, operator-configured bases", () => {
  it("reads JSON and names Rapport in the User-Agent", async () => {
    const res = await fetcher().fetch({ provider: "t", url: `${srv.url}/ok`, trust: "operator" });
    expect(res.status).toBe(200);
    expect((res.body as { ua: string }).ua).toMatch(/Rapport/);
  });

  it("answers a repeated URL from its cache", async () => {
    const f = fetcher();
    const before = hits["/ok"] ?? 0;
    await f.fetch({ provider: "t", url: `${srv.url}/ok`, trust: "operator" });
    await f.fetch({ provider: "t", url: `${srv.url}/ok`, trust: "operator" });
    expect(hits["/ok"] - before).toBe(1);
    await f.fetch({ provider: "t", url: `${srv.url}/ok`, trust: "operator", fresh: true });
    expect(hits["/ok"] - before).toBe(2);
  });

  it("follows a redirect on the same host, refuses one to another host", async () => {
    await expect(fetcher().fetch({ provider: "t", url: `${srv.url}/redirect-same`, trust: "operator" })).resolves.toMatchObject({ status: 200 });
    await expect(fetcher().fetch({ provider: "t", url: `${srv.url}/redirect-other`, trust: "operator" })).rejects.toThrow(/another host/);
    await expect(fetcher().fetch({ provider: "t", url: `${srv.url}/redirect-loopback-name`, trust: "operator" })).rejects.toThrow(FetchRefused);
  });

  it("refuses a body declared larger than 1 MiB without reading it", async () => {
    await expect(fetcher().fetch({ provider: "t", url: `${srv.url}/huge-declared`, trust: "operator" })).rejects.toThrow(/larger than 1048576 bytes/);
  });

  it("stops reading an endless body at 1 MiB", async () => {
    const started = Date.now();
    await expect(fetcher().fetch({ provider: "t", url: `${srv.url}/endless`, trust: "operator" })).rejects.toThrow(FetchRefused);
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it("a read may name its own body limit (GitHub's pages of events): larger, or smaller", async () => {
    const read = (maxBytes?: number) => fetcher().fetch({ provider: "t", url: `${srv.url}/two-mib`, trust: "operator", maxBytes });
    await expect(read()).rejects.toThrow(/larger than 1048576 bytes/);
    expect(((await read(4 * 1024 * 1024)).body as string).length).toBe(2 * 1024 * 1024);
    await expect(fetcher().fetch({ provider: "t", url: `${srv.url}/ok`, trust: "operator", maxBytes: 10 })).rejects.toThrow(/larger than 10 bytes/);
  });

  it("gives up on a slow answer at the deadline, as a provider fault", async () => {
    await expect(fetcher({ timeoutMs: 300 }).fetch({ provider: "t", url: `${srv.url}/slow`, trust: "operator" })).rejects.toThrow(ProviderFault);
  });

  it("waits out a 429's Retry-After, then asks again", async () => {
    const res = await fetcher().fetch({ provider: "rl", url: `${srv.url}/limited`, trust: "operator" });
    expect(res.body).toEqual({ after: true });
    const [first, second] = seenAt["/limited"];
    expect(second - first).toBeGreaterThanOrEqual(950);
  });

  it("turns a long Retry-After into a provider fault carrying it, and holds the provider's gate", async () => {
    const f = fetcher();
    const err = await f.fetch({ provider: "rl2", url: `${srv.url}/limited-long`, trust: "operator" }).catch((e) => e);
    expect(err).toBeInstanceOf(ProviderFault);
    expect(err.retryAfterMs).toBe(120_000);
    const before = hits["/ok"] ?? 0;
    await expect(f.fetch({ provider: "rl2", url: `${srv.url}/ok?x=1`, trust: "operator" })).rejects.toThrow(ProviderFault);
    expect(hits["/ok"] ?? 0).toBe(before);
  });

  it("treats 5xx and non-JSON as provider faults, 404 as an answer", async () => {
    await expect(fetcher().fetch({ provider: "t", url: `${srv.url}/down`, trust: "operator" })).rejects.toThrow(ProviderFault);
    await expect(fetcher().fetch({ provider: "t", url: `${srv.url}/nonsense`, trust: "operator" })).rejects.toThrow(/not JSON/);
    await expect(fetcher().fetch({ provider: "t", url: `${srv.url}/missing`, trust: "operator" })).resolves.toEqual({ status: 404, body: { error: "NotFound" } });
  });
});

describe("safe fetcher, queries and provider rate limits", () => {
  it("POSTs a JSON body, and caches per body", async () => {
    const f = fetcher();
    const before = hits["/echo-post"] ?? 0;
    const a = await f.fetch({ provider: "t", url: `${srv.url}/echo-post`, trust: "operator", jsonBody: { q: 1 } });
    expect(a.body).toEqual({ method: "POST", type: "application/json", got: { q: 1 } });
    await f.fetch({ provider: "t", url: `${srv.url}/echo-post`, trust: "operator", jsonBody: { q: 1 } });
    const b = await f.fetch({ provider: "t", url: `${srv.url}/echo-post`, trust: "operator", jsonBody: { q: 2 } });
    expect(b.body).toMatchObject({ got: { q: 2 } });
    expect(hits["/echo-post"] - before).toBe(2);
  });

  it("never follows a redirect with a query", async () => {
    await expect(fetcher().fetch({ provider: "t", url: `${srv.url}/post-redirect`, trust: "operator", jsonBody: {} })).rejects.toBeInstanceOf(FetchRefused);
  });

  it("treats what the provider's rule calls a rate limit as one (GitHub's 403), holding the gate", async () => {
    const f = fetcher();
    const rule = (status: number, h: Headers, now: Date) => (status === 403 && h.get("x-ratelimit-remaining") === "0" ? new Date(now.getTime() + 90_000) : null);
    const err = await f.fetch({ provider: "gh", url: `${srv.url}/forbidden-limited`, trust: "operator", rateLimitedUntil: rule }).catch((e) => e);
    expect(err).toBeInstanceOf(ProviderFault);
    expect(err.retryAfterMs).toBe(90_000);
    await expect(f.fetch({ provider: "gh", url: `${srv.url}/ok?gh=1`, trust: "operator" })).rejects.toThrow(ProviderFault);
    // without the rule a 403 is an answer like any other
    await expect(fetcher().fetch({ provider: "gh", url: `${srv.url}/forbidden-limited`, trust: "operator" })).resolves.toMatchObject({ status: 403 });
  });
});

describe("safe fetcher, member-supplied hosts", () => {
  const publicDns = (map: Record<string, string[]>) => async (h: string) => {
    if (!(h in map)) throw new Error("ENOTFOUND");
    return map[h];
  };

  it("refuses plain http", async () => {
    await expect(fetcher().fetch({ provider: "m", url: "http://mastodon.social/api/v1/statuses/1", trust: "public" })).rejects.toThrow(/only https/);
  });

  it.each([
    ["loopback literal", "https://127.0.0.1/api"],
    ["IPv6 loopback", "https://[::1]/api"],
    ["private literal", "https://10.1.2.3/api"],
    ["IPv4-mapped private", "https://[::ffff:192.168.1.1]/api"],
    ["cloud metadata", "https://169.254.169.254/latest/meta-data"],
  ])("refuses a %s", async (_n, url) => {
    await expect(fetcher().fetch({ provider: "m", url, trust: "public" })).rejects.toThrow(/private or reserved/);
  });

  it("refuses a name that resolves to a private address, even among public ones", async () => {
    const f = fetcher({ resolve: publicDns({ "evil.example": ["93.184.216.34", "127.0.0.1"], "inner.example": ["10.0.0.5"] }) });
    await expect(f.fetch({ provider: "m", url: "https://evil.example/api", trust: "public" })).rejects.toThrow(/127\.0\.0\.1/);
    await expect(f.fetch({ provider: "m", url: "https://inner.example/api", trust: "public" })).rejects.toThrow(/10\.0\.0\.5/);
    await expect(f.fetch({ provider: "m", url: "https://nowhere.example/api", trust: "public" })).rejects.toThrow(/does not resolve/);
  });

  it("refuses other ports and credentials in the URL", async () => {
    await expect(fetcher().fetch({ provider: "m", url: "https://example.org:8443/x", trust: "public" })).rejects.toThrow(/standard HTTPS port/);
    await expect(fetcher().fetch({ provider: "m", url: "https://a:b@example.org/x", trust: "public" })).rejects.toThrow(/credentials/);
    await expect(fetcher().fetch({ provider: "m", url: "file:///etc/passwd", trust: "public" })).rejects.toThrow(/scheme/);
  });

  it("connects to the address it checked, not to a second DNS answer", async () => {
    // The name resolves once to a public address (nothing listens there on 443 from this test),
    // and the fetcher must never ask DNS again (a rebinding answer would be 127.0.0.1).
    let calls = 0;
    const f = fetcher({
      timeoutMs: 500,
      resolve: async () => (calls++ === 0 ? ["1.1.1.1"] : ["127.0.0.1"]),
    });
    await f.fetch({ provider: "m", url: "https://rebind.example/x", trust: "public" }).catch(() => {});
    expect(calls).toBe(1);
  });
});

describe("addresses and Retry-After", () => {
  it.each([
    ["8.8.8.8", true], ["127.0.0.1", false], ["10.0.0.1", false], ["172.16.5.4", false], ["192.168.0.1", false],
    ["100.64.0.1", false], ["169.254.1.1", false], ["0.0.0.0", false], ["2606:4700::1111", true], ["::1", false],
    ["fd00::1", false], ["fe80::1", false], ["::ffff:127.0.0.1", false], ["not-an-ip", false],
  ])("%s is public: %s", (a, ok) => expect(isPublicAddress(a)).toBe(ok));

  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("3", 0)).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter("soon", 0)).toBeNull();
  });
});
