import { z } from "zod";
import { ZHandleRef } from "./member";

export const NOTE_MIN = 30;
export const NOTE_MAX = 500;

/**
 * Stock notes that say nothing about why two people should connect. Compared after
 * normalising (see normaliseNote) and after greeting words and the recipient's name are
 * taken out, so "Hi Ana, I'd like to add you to my professional network!" is caught too.
 */
const STOCK_PHRASES = [
  "i'd like to add you to my professional network",
  "i would like to add you to my professional network",
  "i'd like to add you to my network",
  "i would like to add you to my network",
  "i'd like to join your network",
  "i would like to join your network",
  "i'd like to connect",
  "i would like to connect",
  "i'd like to connect with you",
  "i would like to connect with you",
  "i'd love to connect",
  "i'd love to connect with you",
  "let's connect",
  "lets connect",
  "let us connect",
  "please accept my request",
  "please accept my connection request",
  "please add me to your network",
  "add me to your network",
  "connect with me",
  "please connect with me",
  "i want to connect with you",
  "i want to add you to my network",
  "looking forward to connecting",
  "looking forward to connecting with you",
  "i'd like to expand my network",
  "i'm expanding my network",
  "growing my network",
  "let's stay in touch",
  "let's keep in touch",
].map((p) => normaliseNote(p));

/** Words that only greet, thank or sign off: a note made of these (and the name) says nothing. */
const FILLER_WORDS = new Set([
  "hi", "hello", "hey", "heya", "hiya", "yo", "greetings", "dear", "good", "morning", "afternoon", "evening", "day",
  "there", "all", "everyone", "folks", "friend", "mate", "thanks", "thank", "you", "thx", "cheers", "regards",
  "best", "kind", "warm", "warmest", "wishes", "sincerely", "cordially", "bye", "ciao", "salut", "bonjour", "hola",
  "hallo", "ola", "olá", "nice", "to", "meet", "great", "so", "much", "in", "advance", "again", "and", "a", "the",
  "please", "pls", "ok", "okay", "sir", "madam", "mr", "mrs", "ms", "dr", "hope", "well", "are", "how", "doing",
  "is", "it", "going",
]);

/** Stock phrases without their filler words, longest first so a longer phrase is taken out whole. */
const STOCK_CORES = [
  ...new Set(
    STOCK_PHRASES.map((p) =>
      p
        .split(" ")
        .filter((w) => !FILLER_WORDS.has(w))
        .join(" "),
    ).filter(Boolean),
  ),
].sort((a, b) => b.length - a.length);

/**
 * Lower case, accents off, typographic apostrophes straightened, punctuation other than
 * apostrophes turned into spaces, whitespace collapsed.
 */
export function normaliseNote(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[^\p{L}\p{N}'\s]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * True when the note is only greetings, sign-offs, the recipient's name and at most one stock
 * phrase — nothing that tells them why. `names` are the recipient's name and handle, when known.
 */
export function isGreetingOnly(note: string, names: readonly string[] = []): boolean {
  const nameWords = new Set(names.flatMap((n) => normaliseNote(n).split(" ")).filter(Boolean));
  const words = normaliseNote(note)
    .split(" ")
    .filter((w) => w && !FILLER_WORDS.has(w) && !nameWords.has(w) && !nameWords.has(w.replace(/^@/, "")));
  if (words.length === 0) return true;
  // What remains after taking the stock phrases out must be more than nothing.
  let rest = ` ${words.join(" ")} `;
  for (const core of STOCK_CORES) {
    while (rest.includes(` ${core} `)) rest = rest.replace(` ${core} `, " ");
  }
  return rest.trim() === "";
}

const NOTE_HINT = "say in your own words why you would like to connect";

/** The personal note: 30–500 characters after trimming, and more than a greeting. */
export const ZRequestNote = z
  .string({ error: "Write a personal note to go with your request." })
  .trim()
  .min(NOTE_MIN, `Your personal note needs at least ${NOTE_MIN} characters — ${NOTE_HINT}.`)
  .max(NOTE_MAX, `Keep your personal note under ${NOTE_MAX} characters.`)
  .refine((note) => !isGreetingOnly(note), {
    message: `Your personal note is only a greeting — ${NOTE_HINT}.`,
  });

export const ZSendRequest = z.strictObject({
  to: ZHandleRef(),
  note: ZRequestNote,
});
export type TSendRequestInput = z.input<typeof ZSendRequest>;

export const DECLINE_REASONS = ["not_yet", "no"] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const ZDeclineRequest = z.strictObject({
  reason: z.enum(DECLINE_REASONS, { error: "Choose a reason: “not_yet” (keep warming up) or “no”." }),
});
export type TDeclineRequestInput = z.input<typeof ZDeclineRequest>;

export const REQUEST_TABS = ["incoming", "outgoing", "history"] as const;
export type RequestTab = (typeof REQUEST_TABS)[number];
export const ZRequestTab = z.enum(REQUEST_TABS).catch("incoming");
