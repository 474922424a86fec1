import type { RelationshipStatus } from "@/lib/warmup/types";

/**
 * Bar colours along the warmth scale (DESIGN.md): cold slate → warming amber (deepening with
 * progress) → warm orange → connected green. Always paired with text.
 */
export function barColour(status: RelationshipStatus, percent: number): string {
  switch (status) {
    case "connected":
      return "bg-connected";
    case "warm":
    case "requested":
    case "incoming":
      return "bg-warm";
    case "cold":
    case "closed":
    case "blocked":
      return "bg-cold";
    default:
      return percent >= 66 ? "bg-amber-600" : percent >= 33 ? "bg-amber-500" : "bg-amber-400";
  }
}
