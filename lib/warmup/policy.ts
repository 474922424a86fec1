import {
  PRESETS,
  type Criteria,
  type PendingLoggedCounts,
  type Policy,
  type PolicySettings,
  type PresetName,
} from "./types";

export type NamedPreset = Exclude<PresetName, "custom" | "closed">;

export const PRESET_CRITERIA: Record<NamedPreset, Criteria> = Object.freeze({
  open: criteria(0, 0, 0, 0, false, false),
  friendly: criteria(3, 1, 1, 0, false, false),
  standard: criteria(6, 2, 2, 0, true, false),
  strict: criteria(12, 4, 3, 14, true, true),
});

/** `closed` refuses every request; its criteria are all zero and status logic does the refusing. */
const CLOSED_CRITERIA: Criteria = criteria(0, 0, 0, 0, false, false);

export const DEFAULT_SETTINGS: PolicySettings = Object.freeze({
  freshnessDays: 180,
  dailyPointCap: 6,
  pendingLoggedCounts: "half",
  allowIntroductions: true,
  minAccountAgeDays: 0,
});

export type NumericPolicyKey =
  | "minPoints"
  | "minInteractions"
  | "minDistinctDays"
  | "minSpanDays"
  | "freshnessDays"
  | "dailyPointCap"
  | "minAccountAgeDays";

export type Bounds = { readonly min: number; readonly max: number };

/**
 * Inclusive bounds for every numeric field. freshnessDays and dailyPointCap start at 1:
 * a zero window or a zero cap would silently make every policy unreachable.
 */
export const POLICY_BOUNDS: Readonly<Record<NumericPolicyKey, Bounds>> = Object.freeze({
  minPoints: { min: 0, max: 100 },
  minInteractions: { min: 0, max: 50 },
  minDistinctDays: { min: 0, max: 30 },
  minSpanDays: { min: 0, max: 180 },
  freshnessDays: { min: 1, max: 365 },
  dailyPointCap: { min: 1, max: 100 },
  minAccountAgeDays: { min: 0, max: 365 },
});

const PENDING_VALUES: readonly PendingLoggedCounts[] = ["half", "full", "none"];

/** Whole number within bounds; anything that is not a finite number takes the fallback. */
export function clampField(key: NumericPolicyKey, value: unknown, fallback: number): number {
  const { min, max } = POLICY_BOUNDS[key];
  const n = typeof value === "number" && Number.isFinite(value) ? Math.round(value) : fallback;
  return n < min ? min : n > max ? max : n;
}

function clampCriteria(c: Partial<Criteria> | undefined, fallback: Criteria): Criteria {
  const src = c ?? {};
  return {
    minPoints: clampField("minPoints", src.minPoints, fallback.minPoints),
    minInteractions: clampField("minInteractions", src.minInteractions, fallback.minInteractions),
    minDistinctDays: clampField("minDistinctDays", src.minDistinctDays, fallback.minDistinctDays),
    minSpanDays: clampField("minSpanDays", src.minSpanDays, fallback.minSpanDays),
    requireConversation:
      typeof src.requireConversation === "boolean" ? src.requireConversation : fallback.requireConversation,
    requireReciprocity:
      typeof src.requireReciprocity === "boolean" ? src.requireReciprocity : fallback.requireReciprocity,
  };
}

function clampSettings(s: Partial<PolicySettings>): PolicySettings {
  const d = DEFAULT_SETTINGS;
  return {
    freshnessDays: clampField("freshnessDays", s.freshnessDays, d.freshnessDays),
    dailyPointCap: clampField("dailyPointCap", s.dailyPointCap, d.dailyPointCap),
    pendingLoggedCounts: PENDING_VALUES.includes(s.pendingLoggedCounts as PendingLoggedCounts)
      ? (s.pendingLoggedCounts as PendingLoggedCounts)
      : d.pendingLoggedCounts,
    allowIntroductions:
      typeof s.allowIntroductions === "boolean" ? s.allowIntroductions : d.allowIntroductions,
    minAccountAgeDays: clampField("minAccountAgeDays", s.minAccountAgeDays, d.minAccountAgeDays),
  };
}

function isPreset(value: unknown): value is PresetName {
  return (PRESETS as readonly unknown[]).includes(value);
}

/**
 * Turns a stored protocol into the effective policy. Named presets take their criteria from
 * the preset table (or an admin override); `custom` takes the stored fields, clamped, with
 * any missing field falling back to `standard`. An unknown preset name resolves as `standard`.
 */
export function resolvePolicy(
  stored: { preset: PresetName } & Partial<Criteria & PolicySettings>,
  presetOverrides?: Partial<Record<PresetName, Criteria>>,
): Policy {
  const preset: PresetName = isPreset(stored?.preset) ? stored.preset : "standard";
  let crit: Criteria;
  if (preset === "closed") crit = { ...CLOSED_CRITERIA };
  else if (preset === "custom") crit = clampCriteria(stored, PRESET_CRITERIA.standard);
  else crit = clampCriteria(presetOverrides?.[preset], PRESET_CRITERIA[preset]);
  return clampPolicy(Object.freeze({ preset, ...crit, ...clampSettings(stored ?? {}) }));
}

/**
 * Re-applies the bounds to an already resolved policy, so evaluate() stays total when
 * handed a hand-built or stale policy. The preset name is kept as given.
 */
export function clampPolicy(policy: Policy): Policy {
  const p = policy ?? ({} as Policy);
  // A frozen policy cannot change, so its clamped form is remembered: the dashboard and the
  // rebuild evaluate many pairs against one recipient's policy, and resolvePolicy() already
  // returns frozen, clamped policies (which map to themselves).
  const frozen = Object.isFrozen(p);
  if (frozen) {
    const known = CLAMPED.get(p);
    if (known) return known;
  }
  const c = clampCriteria(p, PRESET_CRITERIA.standard);
  const s = clampSettings(p);
  // Spelled out rather than spread: this runs once per evaluation.
  const out: Policy = Object.freeze({
    preset: p.preset,
    minPoints: c.minPoints,
    minInteractions: c.minInteractions,
    minDistinctDays: c.minDistinctDays,
    minSpanDays: c.minSpanDays,
    requireConversation: c.requireConversation,
    requireReciprocity: c.requireReciprocity,
    freshnessDays: s.freshnessDays,
    dailyPointCap: s.dailyPointCap,
    pendingLoggedCounts: s.pendingLoggedCounts,
    allowIntroductions: s.allowIntroductions,
    minAccountAgeDays: s.minAccountAgeDays,
  });
  if (frozen) CLAMPED.set(p, out);
  CLAMPED.set(out, out);
  return out;
}

/** Frozen policies and their clamped forms (a clamped policy is its own). Weak: no policy is kept alive. */
const CLAMPED = new WeakMap<object, Policy>();

/** The policy every new member starts with. */
export function defaultPolicy(): Policy {
  return resolvePolicy({ preset: "standard" });
}

function criteria(
  minPoints: number,
  minInteractions: number,
  minDistinctDays: number,
  minSpanDays: number,
  requireConversation: boolean,
  requireReciprocity: boolean,
): Criteria {
  return Object.freeze({
    minPoints,
    minInteractions,
    minDistinctDays,
    minSpanDays,
    requireConversation,
    requireReciprocity,
  });
}
