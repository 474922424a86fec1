import type { RelationshipStatus } from "@/lib/warmup/types";

/** Warmth as colour, always with a word and a symbol (colour-blind members, screen readers). */
export const STATUS_META: Record<RelationshipStatus, { label: string; icon: string; className: string }> = {
  self: { label: "You", icon: "•", className: "bg-stone-100 text-stone-700 dark:bg-stone-800 dark:text-stone-200" },
  blocked: { label: "Blocked", icon: "⊘", className: "bg-stone-200 text-stone-800 dark:bg-stone-800 dark:text-stone-200" },
  connected: { label: "Connected", icon: "✓", className: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-200" },
  incoming: { label: "Asked you", icon: "↘", className: "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-200" },
  requested: { label: "Requested", icon: "↗", className: "bg-orange-100 text-orange-900 dark:bg-orange-950 dark:text-orange-200" },
  cooldown: { label: "Cooling down", icon: "⏸", className: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200" },
  closed: { label: "Not accepting", icon: "✕", className: "bg-stone-200 text-stone-800 dark:bg-stone-800 dark:text-stone-200" },
  too_new: { label: "Account too new", icon: "◔", className: "bg-slate-100 text-slate-800 dark:bg-slate-900 dark:text-slate-200" },
  warm: { label: "Warm", icon: "●", className: "bg-orange-100 text-orange-900 dark:bg-orange-950 dark:text-orange-200" },
  warming: { label: "Warming up", icon: "◐", className: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" },
  cold: { label: "Cold", icon: "○", className: "bg-slate-100 text-slate-700 dark:bg-slate-900 dark:text-slate-300" },
};

export function StatusPill({ status }: { status: RelationshipStatus }) {
  const meta = STATUS_META[status];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ${meta.className}`}>
      <span aria-hidden>{meta.icon}</span>
      {meta.label}
    </span>
  );
}
