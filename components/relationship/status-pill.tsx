import type { RelationshipStatus } from "@/lib/warmup/types";

/**
 * Warmth as colour, always with a word and a symbol (colour-blind members, screen readers).
 * The colours are component classes in app/globals.css (`pill-<status>`): a list shows many
 * pills, and each utility list would travel twice, in the HTML and in the RSC payload.
 */
export const STATUS_META: Record<RelationshipStatus, { label: string; icon: string; className: string }> = {
  self: { label: "You", icon: "•", className: "pill-self" },
  blocked: { label: "Blocked", icon: "⊘", className: "pill-blocked" },
  connected: { label: "Connected", icon: "✓", className: "pill-connected" },
  incoming: { label: "Asked you", icon: "↘", className: "pill-incoming" },
  requested: { label: "Requested", icon: "↗", className: "pill-requested" },
  cooldown: { label: "Cooling down", icon: "⏸", className: "pill-cooldown" },
  closed: { label: "Not accepting", icon: "✕", className: "pill-closed" },
  too_new: { label: "Account too new", icon: "◔", className: "pill-too-new" },
  warm: { label: "Warm", icon: "●", className: "pill-warm" },
  warming: { label: "Warming up", icon: "◐", className: "pill-warming" },
  cold: { label: "Cold", icon: "○", className: "pill-cold" },
};

export function StatusPill({ status }: { status: RelationshipStatus }) {
  const meta = STATUS_META[status];
  return (
    <span className={meta.className}>
      <span aria-hidden>{meta.icon}</span>
      {meta.label}
    </span>
  );
}
