import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { InteractionTimeline, describeItem, pointsText } from "@/components/relationship/interaction-timeline";
import type { TimelineItem } from "@/lib/server/queries/pair-history";

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

  it("groups by UTC day with a heading per day, newest first, and dates every item", () => {
    const html = renderToStaticMarkup(
      createElement(InteractionTimeline, {
        viewerId: "ben",
        items: [
          item({ occurredAt: "2026-03-10T23:30:00.000Z", day: "2026-03-10" }),
          item({ occurredAt: "2026-03-10T00:10:00.000Z", day: "2026-03-10", verification: "pending", kind: "logged_reply", source: "logged", context: "logged", loggedKind: "reply", platform: "x", href: "https://x.com/b/1", external: true }),
          item({ occurredAt: "2026-03-08T12:00:00.000Z", day: "2026-03-08", verification: "removed", href: null, counted: false, points: 0, reason: "removed" }),
        ],
      }),
    );
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

  it("says so when there is nothing yet", () => {
    expect(renderToStaticMarkup(createElement(InteractionTimeline, { viewerId: "ben", items: [] }))).toContain("No interactions yet");
  });
});
