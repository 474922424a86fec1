import { z } from "zod";
import { ZAppSettings, type TAppSettings } from "./app-settings";
import { parseDay } from "./logged-interaction";
import { ZId } from "./post";

export const SUSPEND_REASON_MAX = 500;
export const ADMIN_NOTE_MAX = 500;

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/**
 * Suspending a member. `until` is a UTC day ("YYYY-MM-DD"): the suspension ends at the start
 * of that day; without it, it lasts until an admin lifts it. That the day is in the future
 * depends on "now" and is checked by the service.
 */
export const ZSuspendMember = z.strictObject({
  memberId: ZId("member"),
  reason: z
    .string({ error: "Give a reason: the member sees it when they sign in." })
    .trim()
    .min(1, "Give a reason: the member sees it when they sign in.")
    .max(SUSPEND_REASON_MAX, `Keep the reason under ${SUSPEND_REASON_MAX} characters.`),
  until: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the end date as YYYY-MM-DD, or leave it empty for no end date.")
      .refine((v) => parseDay(v) !== null, "That end date doesn't exist — check the day and month.")
      .optional(),
  ),
  /** the report this suspension answers (it is then closed as actioned) */
  reportId: z.preprocess(emptyToUndefined, ZId("report").optional()),
});
export type TSuspendMemberInput = z.input<typeof ZSuspendMember>;

export const ZUnsuspendMember = z.strictObject({ memberId: ZId("member") });
export type TUnsuspendMemberInput = z.input<typeof ZUnsuspendMember>;

/** Removing the reported content, or dismissing the report. */
export const ZReportDecision = z.strictObject({
  reportId: ZId("report"),
  note: z.preprocess(
    emptyToUndefined,
    z.string().trim().max(ADMIN_NOTE_MAX, `Keep the note under ${ADMIN_NOTE_MAX} characters.`).optional(),
  ),
});
export type TReportDecisionInput = z.input<typeof ZReportDecision>;

export const ZMemberSearch = z.strictObject({
  q: z.string().trim().max(100, "Search with at most 100 characters.").default(""),
});

/** Opaque cursors are ids; only their shape is checked. */
export const ZCursor = z.preprocess(emptyToUndefined, z.string().trim().max(64).regex(/^[a-z0-9_-]+$/i).optional());

// ---------------------------------------------------------------------------------------
// The settings form. Its fields are read from ZAppSettings itself (bounds and defaults), so
// the form, the validation and the stored document cannot drift apart.

export type SettingsField =
  | { path: string; kind: "number"; min: number; max: number; default: number }
  | { path: string; kind: "boolean"; default: boolean };

type Node = z.ZodType & { def: { type: string }; unwrap?: () => z.ZodType; shape?: Record<string, z.ZodType> };

function walk(schema: z.ZodType, path: string[], out: SettingsField[], def?: unknown): void {
  const node = schema as Node;
  const t = node.def.type;
  if (t === "default" || t === "prefault" || t === "optional") {
    const inner = (node.def as unknown as { defaultValue?: unknown }).defaultValue;
    walk(node.unwrap!(), path, out, def ?? (typeof inner === "function" ? (inner as () => unknown)() : inner));
  } else if (t === "object") {
    for (const [k, child] of Object.entries(node.shape!)) walk(child, [...path, k], out, (def as Record<string, unknown> | undefined)?.[k]);
  } else if (t === "number") {
    const n = node as unknown as z.ZodNumber;
    out.push({ path: path.join("."), kind: "number", min: n.minValue ?? 0, max: n.maxValue ?? Number.MAX_SAFE_INTEGER, default: Number(def ?? 0) });
  } else if (t === "boolean") {
    out.push({ path: path.join("."), kind: "boolean", default: Boolean(def) });
  }
}

/** Every editable setting, in form order: "weights.reaction", "presets.strict.minPoints", … */
export const SETTINGS_FIELDS: readonly SettingsField[] = (() => {
  const out: SettingsField[] = [];
  walk(ZAppSettings, [], out);
  return out;
})();

const PRESET_FIELD_LABELS: Record<string, string> = {
  minPoints: "Points",
  minInteractions: "Interactions",
  minDistinctDays: "Distinct days",
  minSpanDays: "Span (days)",
  requireConversation: "Conversation required",
  requireReciprocity: "Reciprocity required",
};

const LABELS: Record<string, string> = {
  "weights.reaction": "Reaction",
  "weights.mention": "Mention",
  "weights.share": "Share with comment",
  "weights.comment": "Comment or reply",
  "weights.kudos": "Kudos",
  "weights.logged_reply": "Logged reply/comment",
  "weights.logged_mention": "Logged mention/share/other",
  "weights.logged_met": "Logged: met in person",
  "weights.introduction": "Introduction",
  "requests.weeklyLimit": "New requests per 7 days",
  "requests.pendingCap": "Pending outgoing requests",
  "requests.cooldownNotYetDays": "Cooldown after “not yet” (days)",
  "requests.cooldownNoDays": "Cooldown after “no” (days)",
  "requests.cooldownWithdrawDays": "Cooldown after withdrawing (days)",
  "requests.expiryDays": "Pending requests expire after (days)",
  "content.postsPerHour": "Posts per hour",
  "content.commentsPerHour": "Comments per hour",
  "content.loggedPerDay": "Logged interactions per day",
  "content.kudosPerDay": "Kudos per day",
  "introductions.cooldownDays": "One introduction per pair every (days)",
  "moderation.noDeclineThreshold": "Flag a member after this many “no” declines in 90 days",
};

/** A person's name for a settings path ("Strict · Points", "Reaction"). */
export function settingsLabel(path: string): string {
  if (LABELS[path]) return LABELS[path];
  const m = /^presets\.(\w+)\.(\w+)$/.exec(path);
  if (m) return `${m[1][0].toUpperCase()}${m[1].slice(1)} · ${PRESET_FIELD_LABELS[m[2]] ?? m[2]}`;
  return path;
}

/**
 * The settings form (flat "weights.reaction" names) as the nested document ZAppSettings
 * validates. Numbers stay strings when they are not numbers, so validation names them.
 */
export function appSettingsFromForm(get: (name: string) => string | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of SETTINGS_FIELDS) {
    const raw = get(f.path);
    let value: unknown;
    if (f.kind === "boolean") value = raw === "on" || raw === "true";
    else {
      const s = (raw ?? "").trim();
      if (s === "") continue; // empty: left as it is
      value = /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
    }
    const keys = f.path.split(".");
    let node = out;
    for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
    node[keys[keys.length - 1]] = value;
  }
  return out;
}

/** ZAppSettings with messages that name the setting and say how to fix it. */
export function parseAppSettings(input: unknown): { ok: true; value: TAppSettings } | { ok: false; fields: Record<string, string[]> } {
  const parsed = ZAppSettings.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join(".");
    const field = SETTINGS_FIELDS.find((f) => f.path === path);
    const label = settingsLabel(path);
    const range = field?.kind === "number" ? ` from ${field.min} to ${field.max}` : "";
    const message = field?.kind === "boolean" ? `${label}: choose yes or no.` : `${label}: enter a whole number${range}.`;
    (fields[path || "form"] ??= []).push(message);
  }
  return { ok: false, fields };
}
