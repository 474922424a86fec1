import { beforeAll, describe, expect, it } from "vitest";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { createMember, type FactoryMember, type MemberAttrs } from "@/tests/factories/members";
import { createConnection } from "@/tests/factories/relations";
import { useTestDatabase } from "@/tests/support/test-database";
import { get, patch } from "../api/http";

/** GET /members, GET /members/suggestions and PATCH /me's topics over HTTP (shapes checked by the helper). */
const t = useTestDatabase();

type Someone = FactoryMember & { token: string };
async function someone(attrs: MemberAttrs = {}): Promise<Someone> {
  const m = await createMember(attrs);
  return { ...m, token: (await createToken(t.db, { memberId: m.id, input: { name: "t" }, now: new Date() })).token };
}

let viewer: Someone;
let grace: Someone;
const as = (who: Someone) => ({ token: who.token });

beforeAll(async () => {
  viewer = await someone({ handle: "api_viewer", name: "Ada Viewer", topics: ["climate"] });
  grace = await someone({ handle: "grace_api", name: "Grace Hopper", headline: "Compilers", topics: ["climate", "compilers"], policy: { preset: "closed" } });
  await someone({ handle: "secret_api", name: "Grace Secret", discoverable: false });
  const friend = await someone({ handle: "friend_api" });
  await createConnection(viewer.id, friend.id);
  await createConnection(friend.id, grace.id);
});

describe("GET /api/v1/members", () => {
  it("finds a member by a misspelt name, with topics, protocol and relationship", async () => {
    const res = await get("/api/v1/members?q=grase", as(viewer));
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toEqual({
      handle: "grace_api",
      name: "Grace Hopper",
      headline: "Compilers",
      topics: ["climate", "compilers"],
      protocol: "Not accepting requests",
      relationship: { status: "closed", percent: expect.any(Number) },
    });
    expect(res.body.items.map((i: { handle: string }) => i.handle)).not.toContain("secret_api");
  });

  it("filters by topic", async () => {
    const res = await get("/api/v1/members?topic=compilers", as(viewer));
    expect(res.body.items.map((i: { handle: string }) => i.handle)).toEqual(["grace_api"]);
  });

  it("refuses a query over 100 characters, naming q", async () => {
    const res = await get(`/api/v1/members?q=${"a".repeat(101)}`, as(viewer));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('"q"');
    expect((await get(`/api/v1/members?q=${"a".repeat(100)}`, as(viewer))).status).toBe(200);
  });

  it.each(["&", "|", "!", ":", "*", "(", ")", "'", '"', "%", "_", "\\", "%ED%A0%80", "%20%20%20", "!!!"])(
    "answers q=%s with 200",
    async (q) => {
      const res = await get(`/api/v1/members?q=${q.startsWith("%") ? q : encodeURIComponent(q)}`, as(viewer));
      expect(res.status).toBe(200);
    },
  );

  it("refuses U+0000 naming q, as every field of the API does", async () => {
    const res = await get("/api/v1/members?q=grace%00", as(viewer));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('"q"');
  });

  it("refuses a cursor it did not give out, naming cursor", async () => {
    const res = await get("/api/v1/members?q=grace&cursor=bogus", as(viewer));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain("cursor");
  });

  it("needs a signed-in member", async () => {
    expect((await get("/api/v1/members?q=grace")).status).toBe(401);
  });
});

describe("GET /api/v1/members/suggestions", () => {
  it("lists people to warm up with and why, leaving out closed protocols", async () => {
    const open = await someone({ handle: "open_api", name: "Olga Open", topics: ["climate"] });
    const res = await get("/api/v1/members/suggestions", as(viewer));
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { member: expect.objectContaining({ handle: "open_api", relationship: { status: "cold", percent: 0 } }), reasons: ["also into climate"] },
    ]);
    expect(open.id).toBeTruthy();
  });
});

describe("PATCH /api/v1/me: topics and the opt-out", () => {
  it("stores topics lowercased and without repeats, and the opt-out", async () => {
    const res = await patch("/api/v1/me", { topics: ["Design Systems", "design systems", "Rust"], discoverable: false }, as(grace));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ topics: ["design systems", "rust"], discoverable: false });
    expect((await get("/api/v1/members?q=grace", as(viewer))).body.items).toEqual([]);
    expect((await get("/api/v1/members/grace_api", as(viewer))).status).toBe(200); // still reachable by its URL
    await patch("/api/v1/me", { discoverable: true }, as(grace));
  });

  it.each([
    [["x"], "at least 2 characters"],
    [["a".repeat(33)], "under 32 characters"],
    [Array.from({ length: 11 }, (_, i) => `topic${i}`), "Up to 10 topics"],
    [["<script>"], "letters, digits"],
  ])("refuses topics %j", async (topics, message) => {
    const res = await patch("/api/v1/me", { topics }, as(grace));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(message);
  });
});
