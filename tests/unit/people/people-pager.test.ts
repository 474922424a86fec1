import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { PeoplePager, type PeoplePageView } from "@/components/people/people-pager";
import { PEOPLE_PAGE_SIZE, ZPeoplePageQuery, peopleHref } from "@/lib/validation/people";
import { BACK_TRAIL_MAX } from "@/lib/validation/relationships";

const view = (v: Partial<PeoplePageView> = {}): PeoplePageView => ({ q: "kim", back: [], page: 1, ...v });
const html = (v: PeoplePageView, nextCursor: string | null) =>
  renderToStaticMarkup(createElement(PeoplePager, { view: v, nextCursor, pageSize: PEOPLE_PAGE_SIZE }));
const decode = (s: string) => s.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;/g, "'");
/** The hrefs of the links whose text matches, in order. */
const hrefs = (markup: string, text: RegExp) =>
  [...markup.matchAll(/<a [^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/g)].filter((m) => text.test(m[2].replace(/<[^>]+>/g, ""))).map((m) => decode(m[1]));
/** A link's href as the page would parse it. */
const parse = (href: string) => {
  const sp = new URL(href, "http://x").searchParams;
  const raw: Record<string, string | string[]> = {};
  for (const k of new Set(sp.keys())) raw[k] = sp.getAll(k).length > 1 ? sp.getAll(k) : sp.get(k)!;
  return ZPeoplePageQuery.parse(raw);
};

describe("/people's pager", () => {
  it("shows nothing when everything fits on one page", () => {
    expect(html(view(), null)).toBe("");
  });

  it("is a labelled navigation landmark, with Next but no Previous on the first page", () => {
    const markup = html(view(), "c1");
    expect(markup).toContain('<nav aria-label="Result pages"');
    expect(hrefs(markup, /Previous|First page/)).toEqual([]);
    expect(parse(hrefs(markup, /Next/)[0])).toMatchObject({ q: "kim", cursor: "c1", back: [], page: 2 });
  });

  it("walks forward and back again, keeping the query and topic in the URL", () => {
    // page 1 → 2 → 3 by Next, then back to 2 and 1 by Previous
    let v = view({ topic: "rust" });
    const p2 = parse(hrefs(html(v, "c1"), /Next/)[0]);
    v = { q: p2.q, topic: p2.topic, cursor: p2.cursor, back: p2.back, page: p2.page };
    const p3 = parse(hrefs(html(v, "c2"), /Next/)[0]);
    expect(p3).toMatchObject({ q: "kim", topic: "rust", cursor: "c2", back: ["c1"], page: 3 });
    v = { q: p3.q, topic: p3.topic, cursor: p3.cursor, back: p3.back, page: p3.page };
    const back2 = parse(hrefs(html(v, null), /Previous/)[0]);
    expect(back2).toMatchObject({ q: "kim", topic: "rust", cursor: "c1", back: [], page: 2 });
    v = { q: back2.q, topic: back2.topic, cursor: back2.cursor, back: back2.back, page: back2.page };
    const back1 = hrefs(html(v, "c2"), /Previous/)[0];
    expect(back1).toBe(peopleHref({ q: "kim", topic: "rust" }));
  });

  it("offers the first page instead when the trail of earlier cursors is not whole", () => {
    const markup = html(view({ cursor: "c9", back: [], page: 5 }), "c10");
    expect(hrefs(markup, /Previous/)).toEqual([]);
    expect(hrefs(markup, /First page/)).toEqual(["/people?q=kim"]);
    // and does not pass on a broken trail
    expect(parse(hrefs(markup, /Next/)[0])).toMatchObject({ cursor: "c10", back: [], page: 6 });
  });

  it("drops a trail grown past the limit rather than cutting it short", () => {
    const back = Array.from({ length: BACK_TRAIL_MAX }, (_, i) => `c${i + 1}`);
    const markup = html(view({ cursor: "c11", back, page: BACK_TRAIL_MAX + 2 }), "c12");
    expect(parse(hrefs(markup, /Next/)[0])).toMatchObject({ cursor: "c12", back: [] });
    expect(ZPeoplePageQuery.parse({ back: Array(BACK_TRAIL_MAX + 1).fill("c") }).back).toEqual([]);
  });
});
