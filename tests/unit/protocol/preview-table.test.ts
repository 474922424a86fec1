import { describe, expect, it } from "vitest";
import { renderServer } from "@/tests/support/render-server";
import { PreviewTable } from "@/components/protocol/preview-table";
import { barColour } from "@/components/relationship/warmth";
import type { PreviewRow } from "@/lib/server/queries/protocol-preview";

const row = (over: Partial<PreviewRow>): PreviewRow => ({
  memberId: "m1",
  handle: "kai",
  name: "Kai Müller",
  reason: "pending_request",
  statusNow: "warming",
  percentNow: 40,
  statusDraft: "warm",
  percentDraft: 100,
  ...over,
});

const kai = row({});
const ana = row({ memberId: "m2", handle: "ana", name: "Ana Ferreira", reason: "recent_contact", statusNow: "connected", percentNow: 100, statusDraft: "connected", percentDraft: 100 });
const ben = row({ memberId: "m3", handle: "ben", name: "Ben Okafor", reason: "recent_contact", statusNow: "cold", percentNow: 10, statusDraft: "cooldown", percentDraft: 20 });

/** The part of the markup between the element carrying `data-testid` and its closing tag. */
const part = (html: string, testid: string, tag: string) => {
  const start = html.indexOf(`data-testid="${testid}"`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(html.lastIndexOf(`<${tag}`, start), html.indexOf(`</${tag}>`, start) + tag.length + 3);
};
const items = (list: string) => [...list.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) => m[1]);
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/\s+/g, " ").trim();
/** The fill classes of the bars, in document order, with the bar's accessible name. */
const bars = (html: string) =>
  [...html.matchAll(/<div role="progressbar" aria-label="([^"]*)" aria-valuenow="(\d+)"><div class="([^"]*)"/g)].map((m) => ({
    label: m[1].replace(/&#x27;/g, "'"),
    value: Number(m[2]),
    fill: m[3],
  }));

describe("protocol preview", () => {
  it("says there is no one to preview when nobody is warming up", async () => {
    const html = await renderServer(PreviewTable, { rows: [] });
    expect(html).toContain("no one to preview");
    expect(html).not.toContain("<table");
  });

  it("on a phone, shows each contact as a block with both values under visible labels, and no sideways scrolling", async () => {
    const html = await renderServer(PreviewTable, { rows: [kai, ana] });
    expect(html).not.toContain("overflow-x-auto");
    const list = part(html, "preview-list", "ul");
    expect(list).toMatch(/^<ul class="[^"]*\bsm:hidden\b/);
    const [k, a] = items(list);
    // name and reason on one line, then the two values as a description list
    expect(k).toMatch(/<div class="flex[^"]*"><a [^>]*href="\/u\/kai"[^>]*>Kai Müller<\/a><span[^>]*>asked you to connect<\/span><\/div>/);
    expect(text(k)).toBe("Kai Müller asked you to connect Now ◐ Warming up 40% With these rules ● Warm changed 100%");
    expect(k).toMatch(/<dt[^>]*>Now<\/dt><dd>.*Warming up.*aria-valuenow="40".*<\/dd>.*<dt[^>]*>With these rules<\/dt><dd>.*Warm.*aria-valuenow="100".*<\/dd>/);
    expect(bars(k).map((b) => b.label)).toEqual(["Kai Müller's warm-up now", "Kai Müller's warm-up with these rules"]);
    // unchanged: no "changed", no reason
    expect(text(a)).toBe("Ana Ferreira Now ✓ Connected 100% With these rules ✓ Connected 100%");
  });

  it("from sm up, is a table whose cells sit under the Now / With these rules headers", async () => {
    const html = await renderServer(PreviewTable, { rows: [kai] });
    const table = part(html, "preview-table", "table");
    expect(table).toMatch(/^<table class="[^"]*\bhidden\b[^"]*\bsm:table\b/);
    expect(table).toMatch(/<th scope="col"[^>]*>Member<\/th><th scope="col"[^>]*>Now<\/th><th scope="col"[^>]*>With these rules<\/th>/);
    const cells = [...table.matchAll(/<(th scope="row"|td)[^>]*>(.*?)<\/(th|td)>(?=<td|<\/tr>)/g)].map((m) => text(m[2]));
    expect(cells).toEqual(["Kai Müller asked you to connect", "◐ Warming up 40%", "● Warm changed 100%"]);
  });

  it("colours each bar by its status, as the rest of the app does", async () => {
    const html = await renderServer(PreviewTable, { rows: [kai, ana, ben] });
    const list = part(html, "preview-list", "ul");
    const table = part(html, "preview-table", "table");
    const expected = [
      barColour("warming", 40), barColour("warm", 100),
      barColour("connected", 100), barColour("connected", 100),
      barColour("cold", 10), barColour("cooldown", 20),
    ];
    expect(expected).toEqual(["bg-amber-500", "bg-warm", "bg-connected", "bg-connected", "bg-cold", "bg-amber-400"]);
    expect(bars(list).map((b) => b.fill)).toEqual(expected);
    expect(bars(table).map((b) => b.fill)).toEqual(expected);
    expect(bars(list).map((b) => b.value)).toEqual([40, 100, 100, 100, 10, 20]);
  });
});
