import { z } from "zod";

export const POST_MAX = 2000;
/** At most this many distinct members are resolved (and notified) per post or comment. */
export const MAX_MENTIONS = 10;

/** Ids are opaque strings (cuid); only their shape is checked here, existence by the service. */
export const ZId = (what: string) =>
  z.string({ error: `Say which ${what}.` }).trim().min(1, `Say which ${what}.`).max(64, `That ${what} id is not valid.`);

/** Post text: plain text, trimmed, 1–2,000 characters (links and @mentions are found at render time). */
export const ZPostBody = z
  .string({ error: "Write something to post." })
  .trim()
  .min(1, "Write something to post.")
  .max(POST_MAX, `Keep your post under ${POST_MAX.toLocaleString("en")} characters.`);

/**
 * `POST /api/v1/posts` and the composer. A share is a post with `sharedPostId` and a
 * comment of the sharer's own (the body is required for shares too).
 */
export const ZPostCreate = z.strictObject({
  body: ZPostBody,
  sharedPostId: ZId("post to share").optional().nullable(),
});
export type TPostCreateInput = z.input<typeof ZPostCreate>;

/** `?cursor=` of the feed: opaque to clients. */
export const ZFeedCursor = z.string().max(200).optional();

// ---------------------------------------------------------------------------------------
// Post text: the one definition of what counts as a link and as a mention, shared by the
// renderer (components/feed/post-body.tsx) and the services that record mentions, so what
// a reader sees linked is exactly what was recorded.

export type TextToken =
  | { type: "text"; text: string }
  | { type: "link"; text: string; href: string }
  | { type: "mention"; text: string; handle: string };

// http(s) URLs up to whitespace or characters that never belong in a bare link.
const URL_RE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
// @handle not preceded by a word character, "@", "/" or "." (so e-mail addresses and
// paths like mastodon.social/@ana inside text are not mentions).
const MENTION_RE = /(^|[^\w@/.])@([a-z0-9_]{3,30})(?![a-z0-9_])/gi;
// Punctuation that usually ends a sentence rather than a URL.
const TRAILING = ".,;:!?)]}";

/** Drops sentence punctuation after a URL, keeping a ")" that closes one inside it (Wikipedia-style). */
function trimTrailing(url: string): string {
  let end = url.length;
  while (end > 0 && TRAILING.includes(url[end - 1])) {
    if (url[end - 1] === ")") {
      const head = url.slice(0, end);
      if (head.split("(").length > head.split(")").length - 1) break;
    }
    end--;
  }
  return url.slice(0, end);
}

/** A safe http(s) href for a bare URL, or null (javascript:, data: etc. never become links). */
export function safeHref(raw: string): string | null {
  try {
    const u = new URL(raw);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

function mentionsIn(text: string, out: TextToken[]) {
  let last = 0;
  for (const m of text.matchAll(MENTION_RE)) {
    const at = (m.index ?? 0) + m[1].length;
    if (at > last) out.push({ type: "text", text: text.slice(last, at) });
    out.push({ type: "mention", text: `@${m[2]}`, handle: m[2].toLowerCase() });
    last = at + m[2].length + 1;
  }
  if (last < text.length) out.push({ type: "text", text: text.slice(last) });
}

/** Splits plain text into text, link and mention tokens (links first: "@" inside a URL is part of it). */
export function tokenizePostText(body: string): TextToken[] {
  const out: TextToken[] = [];
  let last = 0;
  for (const m of body.matchAll(URL_RE)) {
    const start = m.index ?? 0;
    const raw = trimTrailing(m[0]);
    const href = safeHref(raw);
    if (!href) continue;
    mentionsIn(body.slice(last, start), out);
    out.push({ type: "link", text: raw, href });
    last = start + raw.length;
  }
  mentionsIn(body.slice(last), out);
  return out.filter((t) => t.type !== "text" || t.text.length > 0);
}

/** Distinct lower-case handles mentioned in a text, in order of first appearance. */
export function extractMentionHandles(body: string, max = MAX_MENTIONS): string[] {
  const seen = new Set<string>();
  for (const t of tokenizePostText(body)) {
    if (t.type === "mention" && !seen.has(t.handle)) {
      seen.add(t.handle);
      if (seen.size >= max) break;
    }
  }
  return [...seen];
}
