import type { TimelineItem } from "@/lib/server/queries/pair-history";

/** Low-weight kinds that come in bursts: several of one day and direction read as one row. */
const GROUPED_KINDS: ReadonlySet<TimelineItem["kind"]> = new Set(["reaction"]);

export type TimelineRow =
  | { type: "item"; item: TimelineItem }
  /** two or more reactions of one UTC day, one actor → one target, in the day's order */
  | { type: "group"; key: string; items: TimelineItem[] };

/**
 * One day's items as rows: reactions of the same actor → target that day become one row in
 * the place of the first; everything else stays one row each. Removed reactions stay on
 * their own (they are history, not part of the burst).
 */
export function rowsOfDay(items: readonly TimelineItem[]): TimelineRow[] {
  const groupable = (i: TimelineItem) => GROUPED_KINDS.has(i.kind) && i.verification !== "removed";
  const keyOf = (i: TimelineItem) => `${i.day}:${i.kind}:${i.actor.id}>${i.target.id}`;
  const sizes = new Map<string, number>();
  for (const i of items) if (groupable(i)) sizes.set(keyOf(i), (sizes.get(keyOf(i)) ?? 0) + 1);
  const rows: TimelineRow[] = [];
  const groups = new Map<string, Extract<TimelineRow, { type: "group" }>>();
  for (const item of items) {
    const key = keyOf(item);
    if (!groupable(item) || (sizes.get(key) ?? 0) < 2) {
      rows.push({ type: "item", item });
      continue;
    }
    const group = groups.get(key);
    if (group) group.items.push(item);
    else {
      const row = { type: "group" as const, key, items: [item] };
      groups.set(key, row);
      rows.push(row);
    }
  }
  return rows;
}

export type Tone = "points" | "quiet" | "none";

/** A group's points in one phrase: "5 pts counted, daily cap", "counts as them reaching out", … */
export function groupPoints(items: readonly TimelineItem[]): { text: string; tone: Tone } | null {
  const evaluated = items.filter((i) => i.counted !== null);
  if (evaluated.length === 0) return null;
  if (evaluated.every((i) => i.direction === "incoming")) {
    return evaluated.some((i) => i.counted) ? { text: "counts as them reaching out", tone: "quiet" } : { text: "doesn't count", tone: "none" };
  }
  const points = evaluated.reduce((n, i) => n + (i.counted ? i.points : 0), 0);
  const capped = evaluated.some((i) => i.note === "capped" || i.reason === "over_daily_cap");
  const pending = evaluated.some((i) => i.note === "pending_half" || i.reason === "pending_not_counted");
  const outside = evaluated.some((i) => i.reason === "outside_window");
  const why = [capped ? "daily cap" : null, pending ? "some pending" : null, outside ? "some outside the window" : null].filter(Boolean).join(", ");
  if (points === 0) return { text: why ? `no points counted, ${why}` : "no points counted", tone: "none" };
  const pts = `${points} ${points === 1 ? "pt" : "pts"} counted`;
  return { text: why ? `${pts}, ${why}` : pts, tone: "points" };
}
