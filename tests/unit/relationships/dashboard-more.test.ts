import { describe, expect, it, vi } from "vitest";
import { renderServer } from "@/tests/support/render-server";
import { Dashboard } from "@/components/dashboard/dashboard";
import type { Dashboard as DashboardData } from "@/lib/server/queries/dashboard";
import type { RelationshipItem } from "@/lib/server/queries/relationships";
import type { RelationshipStatus } from "@/lib/warmup/types";

vi.mock("@/lib/server/loaders/date-format", () => import("@/tests/support/date-format-utc"));

const NOW = new Date("2026-03-14T12:00:00Z");
const item = (i: number, status: RelationshipStatus): RelationshipItem => ({
  member: { id: `m${i}`, handle: `m${i}`, name: `Member ${i}`, headline: "", leaving: false },
  status,
  percent: status === "warm" ? 100 : 50,
  gateMet: status === "warm",
  nextStep: null,
  lastInteractionAt: null,
});
const dashboard = (over: Partial<DashboardData>): DashboardData => ({
  incoming: [],
  outgoing: [],
  pending: { incoming: 0, outgoing: 0 },
  ready: [],
  warming: [],
  counts: { asked_you: 0, ready: 0, warming: 0, waiting: 0, cooling: 0, connected: 0 },
  activity: [],
  ...over,
});
const links = async (d: DashboardData, to = "\\/relationships") =>
  [...(await renderServer(Dashboard, { dashboard: d, now: NOW })).matchAll(new RegExp(`<a [^>]*href="(${to}[^"]*)"[^>]*>(.*?)</a>`, "g"))].map((m) => [m[1], m[2]]);
const request = (i: number) => ({ id: `r${i}`, member: { id: `m${i}`, handle: `m${i}`, name: `Member ${i}`, headline: "" }, note: "Hello there, about the talk.", createdAt: NOW, expiresAt: NOW });

describe("the dashboard's 'more' lines", () => {
  it("lead to the tab on /relationships that lists the rest", async () => {
    const d = dashboard({
      ready: Array.from({ length: 8 }, (_, i) => item(i, "warm")),
      warming: [...Array.from({ length: 7 }, (_, i) => item(10 + i, "warming")), item(20, "cooldown")],
      counts: { asked_you: 0, ready: 12, warming: 30, waiting: 0, cooling: 3, connected: 0 },
    });
    expect(await links(d)).toEqual([
      ["/relationships?tab=ready", "4 more ready to connect"],
      ["/relationships?tab=warming", "23 more, less far along"],
      ["/relationships?tab=cooling", "2 more cooling down"],
    ]);
  });

  it("are not there when the column shows everyone", async () => {
    const d = dashboard({ ready: [item(1, "warm")], warming: [item(2, "warming")], counts: { asked_you: 0, ready: 1, warming: 1, waiting: 0, cooling: 0, connected: 0 } });
    expect(await links(d)).toEqual([]);
  });

  it("count every pending request each way although only the oldest few are listed", async () => {
    const d = dashboard({
      incoming: Array.from({ length: 8 }, (_, i) => request(i)),
      outgoing: Array.from({ length: 2 }, (_, i) => request(20 + i)),
      pending: { incoming: 31, outgoing: 2 },
    });
    const html = await renderServer(Dashboard, { dashboard: d, now: NOW });
    expect(await links(d, "\\/requests\\?")).toEqual([["/requests?tab=incoming", "23 more waiting"]]);
    expect(html).toContain(">31<");
  });
});
