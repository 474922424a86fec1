/**
 * Email categories a member chooses for (/settings/notifications). Account mail (verify,
 * reset, address change) is not a category: it is always sent and cannot be switched off.
 * Pure: no I/O.
 */
export const EMAIL_CATEGORIES = ["requests", "answers", "confirmations", "introductions"] as const;
export type EmailCategory = (typeof EMAIL_CATEGORIES)[number];

export const EMAIL_MODES = ["instant", "digest", "never"] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

export type EmailPrefs = Record<EmailCategory, EmailMode>;

/** Requests and confirmations need an answer, so they go at once; the rest wait for the digest. */
export const DEFAULT_EMAIL_PREFS: EmailPrefs = {
  requests: "instant",
  answers: "digest",
  confirmations: "instant",
  introductions: "digest",
};

export const CATEGORY_LABELS: Record<EmailCategory, { title: string; hint: string }> = {
  requests: { title: "Connection requests", hint: "Someone asks to connect with you." },
  answers: { title: "Answers to your requests", hint: "Accepted, “not yet” or “no”." },
  confirmations: { title: "Interactions to confirm", hint: "Someone logged a call or meeting with you." },
  introductions: { title: "Introductions", hint: "Someone introduced you to a member." },
};

/** The stored JSON, with anything missing or unknown replaced by the default. */
export function readEmailPrefs(stored: unknown): EmailPrefs {
  const raw = stored && typeof stored === "object" ? (stored as Record<string, unknown>) : {};
  const out = { ...DEFAULT_EMAIL_PREFS };
  for (const c of EMAIL_CATEGORIES) {
    const v = raw[c];
    if (typeof v === "string" && (EMAIL_MODES as readonly string[]).includes(v)) out[c] = v as EmailMode;
  }
  return out;
}

export const isEmailCategory = (v: string): v is EmailCategory => (EMAIL_CATEGORIES as readonly string[]).includes(v);

/** After a one-click unsubscribe: the category is "never"; the digest's link turns off everything that waited for it. */
export function withUnsubscribed(prefs: EmailPrefs, category: EmailCategory | "digest"): EmailPrefs {
  if (category !== "digest") return { ...prefs, [category]: "never" };
  return Object.fromEntries(EMAIL_CATEGORIES.map((c) => [c, prefs[c] === "digest" ? "never" : prefs[c]])) as EmailPrefs;
}
