import { describe, expect, it, vi } from "vitest";
import { renderServer } from "@/tests/support/render-server";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { RelationshipPager } from "@/components/relationships/relationship-pager";
import { RelationshipRow } from "@/components/relationships/relationship-row";
import { RelationshipSearch, RelationshipSortSwitch, RelationshipTabs } from "@/components/relationships/relationship-controls";
import { relationshipsHref, type RelationshipsView } from "@/components/relationships/view";
import { BACK_TRAIL_MAX, ZRelationshipsPageQuery } from "@/lib/validation/relationships";
import { ZApiRelationshipsQuery } from "@/lib/validation/api/relationships";
import type { RelationshipItem } from "@/lib/server/queries/relationships";

vi.mock("@/lib/server/loaders/date-format", () => import("@/tests/support/date-format-utc"));

const NOW = new Date("2026-03-14T12:00:00Z");
const counts = { asked_you: 1, ready: 2, warming: 30, waiting: 0, cooling: 0, connected: 4 };
const view = (v: Partial<RelationshipsView> = {}): RelationshipsView => ({ tab: "all", sort: "closest", q: "", back: [], page: 1, ...v });
const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);
const decode = (s: string) => s.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;/g, "'");
/** The hrefs of the links whose text matches, in order. */
const hrefs = (markup: string, text: RegExp) =>
  [...markup.matchAll(/<a [^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/g)].filter((m) => text.test(m[2].replace(/<[^>]+>/g, ""))).map((m) => decode(m[1]));
/** A link's href as the page would parse it. */
const parse = (href: string) => {
  const sp = new URL(href, "http://x").searchParams;
  const raw: Record<string, string | string[]> = {};
  for (const k of new Set(sp.keys())) raw[k] = sp.getAll(k).length > 1 ? sp.getAll(k) : sp.get(k)!;
  return ZRelationshipsPageQuery.parse(raw);
};

describe("the page's search params", () => {
  it("default to every relationship, closest first, the first page", async () => {
    expect(ZRelationshipsPageQuery.parse({})).toEqual({ tab: "all", sort: "closest", q: "", cursor: undefined, back: [], page: 1 });
  });

  it("forgive what the API refuses: an unknown tab or sort, a search with NUL, an over-long trail", async () => {
    const p = ZRelationshipsPageQuery.parse({ tab: "friends", sort: "oldest", q: "a\u0000b", back: Array(BACK_TRAIL_MAX + 1).fill("c"), page: "-3" });
    expect(p).toMatchObject({ tab: "all", sort: "closest", q: "", back: [], page: 1 });
  });

  it("read the last of a repeated parameter, as the API does, and trim the search", async () => {
    expect(ZRelationshipsPageQuery.parse({ tab: ["ready", "warming"], q: "  Ana " })).toMatchObject({ tab: "warming", q: "Ana" });
  });

  it("share their fields with the API, which names each bad one instead", async () => {
    const r = ZApiRelationshipsQuery.safeParse({ status: "friends", sort: "oldest", limit: "101" });
    expect(r.success).toBe(false);
    expect(new Set(r.error!.issues.map((i) => i.path.join(".")))).toEqual(new Set(["status", "sort", "limit"]));
    expect(ZApiRelationshipsQuery.parse({})).toMatchObject({ sort: "closest", limit: 20 });
  });
});

describe("links between views", () => {
  it("leave the defaults out, so the dashboard's links are the tabs' first pages", async () => {
    expect(relationshipsHref({ tab: "ready" })).toBe("/relationships?tab=ready");
    expect(relationshipsHref({ tab: "all", sort: "closest", q: "" })).toBe("/relationships");
    expect(parse(relationshipsHref({ tab: "warming", sort: "recent", q: "ana b" }))).toMatchObject({ tab: "warming", sort: "recent", q: "ana b" });
  });

  it("tabs keep the sort and the search, drop the cursor, and mark the current one", async () => {
    const m = html(createElement(RelationshipTabs, { view: view({ tab: "warming", sort: "recent", q: "ana", cursor: "c1", page: 2 }), counts }));
    expect(hrefs(m, /^Ready/)).toEqual(["/relationships?tab=ready&sort=recent&q=ana"]);
    expect(m).toMatch(/aria-current="page"[^>]*>Warming up/);
    expect((m.match(/aria-current/g) ?? []).length).toBe(1);
    expect(m).toContain("37<span class=\"sr-only\"> relationships</span>"); // All = the sum
    expect(m).toContain("1<span class=\"sr-only\"> relationship</span>");
  });

  it("the sort switch keeps the tab and search; the search form keeps the tab and sort, and has a label", async () => {
    const sort = html(createElement(RelationshipSortSwitch, { view: view({ tab: "ready", q: "ana" }) }));
    expect(hrefs(sort, /Most recent/)).toEqual(["/relationships?tab=ready&sort=recent&q=ana"]);
    expect(sort).toMatch(/aria-current="true"[^>]*>.*Closest to unlocking/);
    const form = html(createElement(RelationshipSearch, { view: view({ tab: "ready", sort: "recent", q: "ana" }) }));
    expect(form).toMatch(/<form[^>]*action="\/relationships" method="get"/);
    expect(form).toContain('<input type="hidden" name="tab" value="ready"/>');
    expect(form).toContain('<input type="hidden" name="sort" value="recent"/>');
    expect(form).toMatch(/<label for="relationships-q"[^>]*>Search by name<\/label>/);
    expect(form).toMatch(/<input id="relationships-q"[^>]*name="q" value="ana"/);
  });
});

describe("the pager", () => {
  const pager = (v: RelationshipsView, next: string | null) => html(createElement(RelationshipPager, { view: v, nextCursor: next, pageSize: 20 }));

  it("is not there when everything fits on one page", async () => {
    expect(pager(view(), null)).toBe("");
  });

  it("walks forward with Next 20 and back with Previous to the very same pages, keeping tab, sort and search", async () => {
    const keep = { tab: "warming", sort: "recent", q: "a" } as const;
    let v = view(keep);
    const seen: (string | undefined)[] = [v.cursor];
    for (const next of ["c1", "c2", "c3"]) {
      const href = hrefs(pager(v, next), /Next 20/)[0];
      v = parse(href);
      expect(v).toMatchObject({ ...keep, cursor: next });
      seen.push(v.cursor);
    }
    expect(v.page).toBe(4);
    for (let i = seen.length - 2; i >= 0; i--) {
      v = parse(hrefs(pager(v, "whatever"), /Previous/)[0]);
      expect(v.cursor).toBe(seen[i]);
      expect(v).toMatchObject(keep);
    }
    expect(v).toMatchObject({ page: 1, back: [] });
  });

  it("offers the first page instead of a wrong Previous once the trail grew too long to carry", async () => {
    let v = view({ cursor: "c", back: Array.from({ length: BACK_TRAIL_MAX }, (_, i) => `b${i}`), page: BACK_TRAIL_MAX + 2 });
    v = parse(hrefs(pager(v, "n"), /Next 20/)[0]);
    expect(v).toMatchObject({ cursor: "n", back: [], page: BACK_TRAIL_MAX + 3 });
    const m = pager(v, null);
    expect(hrefs(m, /Previous/)).toEqual([]);
    expect(hrefs(m, /First page/)).toEqual(["/relationships"]);
  });
});

describe("a row", () => {
  const item = (over: Partial<RelationshipItem> = {}): RelationshipItem => ({
    member: { id: "m1", handle: "ana", name: "Ana Ferreira", headline: "Staff engineer", leaving: false },
    status: "warming",
    percent: 66.6,
    gateMet: false,
    nextStep: "Come back on another day: 1 more distinct day needed.",
    lastInteractionAt: new Date("2026-03-11T09:00:00Z"),
    ...over,
  });

  it("links the name to the profile and shows the pill, the bar with an accessible value and the next step", async () => {
    const m = await renderServer(RelationshipRow, { r: item(), now: NOW });
    expect(hrefs(m, /^Ana Ferreira$/)).toEqual(["/u/ana"]);
    expect(m).toContain("Warming up");
    expect(m).toMatch(/role="progressbar" aria-label="Warm-up with Ana Ferreira"[^>]*aria-valuenow="67"/);
    expect(m).toContain("Come back on another day");
    expect(m).toContain("3 days ago");
    expect(hrefs(m, /personal note/)).toEqual([]);
  });

  it("offers the note when warm and the review when they asked", async () => {
    expect(hrefs(await renderServer(RelationshipRow, { r: item({ status: "warm", percent: 100, gateMet: true }), now: NOW }), /personal note/)).toEqual(["/u/ana/connect"]);
    const asked = await renderServer(RelationshipRow, { r: item({ status: "incoming", percent: 0, lastInteractionAt: null }), now: NOW });
    expect(hrefs(asked, /Review/)).toEqual(["/requests?tab=incoming"]);
    expect(asked).not.toContain("progressbar"); // their request is what to answer, not your progress toward them
  });

  it("offers no note to a member who is leaving, however warm", async () => {
    const leaving = item({ status: "warm", percent: 100, gateMet: true, member: { ...item().member, leaving: true }, nextStep: "Ana is leaving Rapport, so they aren't taking new connection requests." });
    const m = await renderServer(RelationshipRow, { r: leaving, now: NOW });
    expect(hrefs(m, /personal note/)).toEqual([]);
    expect(m).toContain("Ana is leaving Rapport");
  });
});
