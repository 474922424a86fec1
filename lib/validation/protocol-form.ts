import type { TPolicyUpdateInput } from "@/lib/validation/policy";
/** The points hint under "Points", from this community's weights (an admin may change them). */
export function pointsHint(weights: { comment: number; reaction: number }): string {
  const pts = (n: number) => (n === 1 ? "1 point" : `${n} points`);
  return `A comment is worth ${pts(weights.comment)}, a reaction ${pts(weights.reaction)}.`;
}

/** The protocol form's fields, shared by the page (GET preview), the form and the actions. */
export const CRITERIA_FIELDS = [
  { name: "minPoints", label: "Points", hint: "Each interaction is worth points." },
  { name: "minInteractions", label: "Interactions", hint: "How many separate interactions." },
  { name: "minDistinctDays", label: "Distinct days", hint: "Different UTC dates with an interaction." },
  { name: "minSpanDays", label: "Span (days)", hint: "Calendar days (UTC) between the first and the last counted interaction." },
] as const;

export const SETTINGS_FIELDS = [
  { name: "freshnessDays", label: "Freshness window (days)", hint: "Only interactions in this rolling window count." },
  { name: "dailyPointCap", label: "Daily point cap", hint: "At most this many points count per UTC day." },
  { name: "minAccountAgeDays", label: "Minimum account age (days)", hint: "Newer accounts can't send you requests." },
] as const;

export const BOOLEAN_FIELDS = ["requireConversation", "requireReciprocity", "allowIntroductions"] as const;

const NUMBER_FIELDS: readonly string[] = [...CRITERIA_FIELDS.map((f) => f.name), ...SETTINGS_FIELDS.map((f) => f.name)];
const ALL = ["preset", ...NUMBER_FIELDS, "pendingLoggedCounts"];

/**
 * A number field as typed: blank is left out (so it keeps its value, never 0); a number
 * ("6", "2.5") is read as one; anything else stays as typed, for the schema to refuse by name.
 */
function numberField(v: string): number | string | undefined {
  if (v.trim() === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : v;
}

/**
 * A form (or URL query) becomes the shape ZPolicyUpdate expects: numbers for the number
 * fields (an empty field is left out, so it keeps its value), criteria only for custom,
 * unchecked boxes false. Works for FormData and plain records alike.
 */
export function protocolFormObject(source: FormData | Record<string, string | undefined>): TPolicyUpdateInput {
  const get = (k: string) => (source instanceof FormData ? source.get(k) : source[k]);
  const out: Record<string, unknown> = {};
  for (const k of ALL) {
    const v = get(k);
    if (typeof v !== "string" || v === "") continue;
    const value = NUMBER_FIELDS.includes(k) ? numberField(v) : v;
    if (value !== undefined) out[k] = value;
  }
  for (const b of BOOLEAN_FIELDS) out[b] = get(b) === "on" || get(b) === "true";
  if (out.preset !== "custom") {
    for (const f of CRITERIA_FIELDS) delete out[f.name];
    delete out.requireConversation;
    delete out.requireReciprocity;
  }
  return out as TPolicyUpdateInput; // unchecked: the service validates it
}
