import { describe, expect, it, vi } from "vitest";
import { renderServer } from "@/tests/support/render-server";
import { InteractionTimeline, describeGroup, describeItem, pointsText } from "@/components/relationship/interaction-timeline";
import { groupPoints, rowsOfDay } from "@/components/relationship/timeline-rows";
import type { TimelineItem } from "@/lib/server/queries/pair-history";

vi.mock("@/lib/server/loaders/date-format", () => import("@/tests/support/date-format-utc"));

const ana = { id: "ana", handle: "ana", name: "Ana Ferreira" };
const ben = { id: "ben", handle: "ben", name: "Ben Okafor" };

const item = (over: Partial<TimelineItem>): TimelineItem => ({
  id: Math.random().toString(36).slice(2),
  actor: ben,
  target: ana,
  kind: "comment",
  source: "observed",
  context: "post",
  platform: null,
  loggedKind: null,
  excerpt: null,
  occurredAt: "2026-03-10T10:00:00.000Z",
  day: "2026-03-10",
  verification: "verified",
  href: "/feed/p/p1#c-c1",
  external: false,
  direction: "outgoing",
  counted: true,
  points: 3,
  note: null,
  reason: null,
  windowDays: 180,
  ...over,
});

describe("InteractionTimeline", () => {
  it.each([
    [{ kind: "comment", context: "post" }, "chloe", "Ben commented on Ana's post"],
    [{ kind: "comment", context: "reply" }, "ana", "Ben replied to your comment"],
    [{ kind: "mention", context: "comment" }, "ana", "Ben mentioned you in a comment"],
    [{ kind: "reaction", context: "post", actor: ana, target: ben }, "ana", "You reacted to Ben's post"],
    [{ kind: "share" }, "ben", "You shared Ana's post"],
    [{ kind: "kudos", context: "profile" }, "ben", "You gave Ana kudos"],
    [{ kind: "logged_reply", source: "logged", context: "logged", platform: "x", loggedKind: "reply" }, "ana", "Ben logged a reply to you on X"],
    [{ kind: "logged_met", source: "logged", context: "logged", platform: "event", loggedKind: "met_in_person" }, "ben", "You logged meeting Ana in person at an event"],
  ] as const)("says who did what to whom (%j as %s)", (over, viewerId, text) => {
    expect(describeItem(item(over as Partial<TimelineItem>), viewerId)).toBe(text);
  });

  it.each([
    [{}, "+3 pts"],
    [{ points: 1, note: "pending_half" }, "+1 pt · pending — counts half"],
    [{ points: 2, note: "capped" }, "+2 pts · partly over the daily cap"],
    [{ counted: false, points: 0, reason: "over_daily_cap" }, "over the daily cap"],
    [{ counted: false, points: 0, reason: "outside_window" }, "outside the 180-day window"],
    [{ counted: false, points: 0, reason: "disputed" }, "disputed — doesn't count"],
    [{ counted: false, points: 0, reason: "removed" }, "removed — doesn't count"],
    [{ direction: "incoming", points: 0 }, "counts as them reaching out"],
  ] as const)("explains the points (%j)", (over, text) => {
    expect(pointsText(item(over as Partial<TimelineItem>))?.text).toBe(text);
  });

  it("groups by UTC day with a heading per day, newest first, and dates every item", async () => {
    const html = await renderServer(InteractionTimeline, {
        viewerId: "ben",
        items: [
          item({ occurredAt: "2026-03-10T23:30:00.000Z", day: "2026-03-10" }),
          item({ occurredAt: "2026-03-10T00:10:00.000Z", day: "2026-03-10", verification: "pending", kind: "logged_reply", source: "logged", context: "logged", loggedKind: "reply", platform: "x", href: "https://x.com/b/1", external: true }),
          item({ occurredAt: "2026-03-08T12:00:00.000Z", day: "2026-03-08", verification: "removed", href: null, counted: false, points: 0, reason: "removed" }),
        ],
      });
    const headings = [...html.matchAll(/<h3[^>]*><time dateTime="([^"]+)"/g)].map((m) => m[1]);
    expect(headings).toEqual(["2026-03-10", "2026-03-08"]);
    expect(html).toContain('dateTime="2026-03-10T23:30:00.000Z"');
    expect(html).toContain("Pending");
    expect(html).toContain("Removed");
    expect(html).toContain("Observed");
    const evidence = html.match(/<a [^>]*href="https:\/\/x.com\/b\/1"[^>]*>/)?.[0] ?? "";
    expect(evidence).toContain('rel="nofollow noopener noreferrer ugc"');
    expect(evidence).toContain('target="_blank"');
    // Exact time in the title, for hover and focus.
    expect(html).toMatch(/title="[^"]*UTC"/);
  });

  it("says reaching out in a quieter tone than points", async () => {
    expect(pointsText(item({}))?.tone).toBe("points");
    expect(pointsText(item({ direction: "incoming", points: 0 }))?.tone).toBe("quiet");
    const html = await renderServer(InteractionTimeline, { viewerId: "ana", items: [item({ direction: "incoming", points: 0 }), item({})] });
    expect(html).toMatch(/<span class="italic muted">counts as them reaching out<\/span>/);
    expect(html).toMatch(/<span class="font-semibold[^"]*">\+3 pts<\/span>/);
  });

  it("says when older interactions were left out, and only then", async () => {
    const two = [item({}), item({})];
    expect(await renderServer(InteractionTimeline, { viewerId: "ana", items: two, olderLeftOut: true })).toMatch(/The latest 2 interactions are listed; older ones are not\./);
    expect(await renderServer(InteractionTimeline, { viewerId: "ana", items: two, olderLeftOut: false })).not.toMatch(/history-capped/);
    expect(await renderServer(InteractionTimeline, { viewerId: "ana", items: two })).not.toMatch(/history-capped/);
  });

  describe("a burst of reactions of one day and direction is one row", () => {
    const reaction = (n: number, over: Partial<TimelineItem> = {}) =>
      item({ id: `r${n}`, kind: "reaction", points: 1, occurredAt: `2026-03-10T10:${String(n).padStart(2, "0")}:00.000Z`, ...over });
    // Ten likes on Ana's posts in one day: the daily cap of 5 lets five count.
    const burst = Array.from({ length: 10 }, (_, n) => (n < 5 ? reaction(n) : reaction(n, { counted: false, points: 0, reason: "over_daily_cap" })));

    it("reads as one row with the points counted and why not more", async () => {
      expect(describeGroup(burst, "ben")).toBe("You reacted to 10 of Ana's posts");
      expect(groupPoints(burst)).toEqual({ text: "5 pts counted, daily cap", tone: "points" });
      const html = await renderServer(InteractionTimeline, { viewerId: "ben", items: burst });
      expect(html).toContain("You reacted to 10 of Ana&#x27;s posts");
      expect(html).toContain("5 pts counted, daily cap");
      expect(html.match(/<li class="relative pl-8">/g)).toHaveLength(1);
    });

    it("keeps other kinds, the other direction, single reactions and removed ones as their own rows, in place", async () => {
      const comment = item({ id: "c1" });
      const back = [reaction(20, { actor: ana, target: ben, direction: "incoming", points: 0 }), reaction(21, { actor: ana, target: ben, direction: "incoming", points: 0 })];
      const single = reaction(30, { actor: ana, target: ben, context: "comment", kind: "reaction", day: "2026-03-10", id: "s1" });
      const removed = reaction(40, { verification: "removed", counted: false, points: 0, reason: "removed" });
      const rows = rowsOfDay([burst[0], comment, ...back, burst[1], removed]);
      expect(rows.map((r) => (r.type === "item" ? r.item.id : r.items.map((i) => i.id).join("+")))).toEqual(["r0+r1", "c1", "r20+r21", "r40"]);
      expect(groupPoints(back)).toEqual({ text: "counts as them reaching out", tone: "quiet" });
      expect(describeGroup(back, "ben")).toBe("Ana reacted to 2 of your posts");
      expect(rowsOfDay([single, burst[0]]).map((r) => r.type)).toEqual(["item", "item"]);
    });
  });

  it("dates a logged interaction by its calendar day: one dated 7 days ago reads '7 days ago', not '6 days ago' from its nominal midday", async () => {
    // "now" is 10 Jun 09:00 UTC (tests/support/date-format-utc.ts); logged on 3 Jun, stored at 3 Jun 12:00.
    const logged = item({ occurredAt: "2026-06-03T12:00:00.000Z", day: "2026-06-03", kind: "logged_reply", source: "logged", context: "logged", loggedKind: "reply", platform: "x" });
    const html = await renderServer(InteractionTimeline, { viewerId: "ben", items: [logged] });
    expect(html).toContain('<time dateTime="2026-06-03" title="Jun 3, 2026" class="text-xs muted">7 days ago<span class="sr-only"> (Jun 3, 2026)</span></time>');
    expect(html).not.toContain("6 days ago");
    // a platform interaction keeps its exact time
    const comment = await renderServer(InteractionTimeline, { viewerId: "ben", items: [item({ occurredAt: "2026-06-10T06:00:00.000Z", day: "2026-06-10" })] });
    expect(comment).toContain("3 hours ago");
  });

  it("says so when there is nothing yet", async () => {
    expect(await renderServer(InteractionTimeline, { viewerId: "ben", items: [] })).toContain("No interactions yet");
  });
});
