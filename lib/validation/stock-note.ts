/**
 * Stock notes: invitations that say nothing about why two people should connect ("Hi Lena!
 * I'd like to add you to my professional network on Rapport."). A note is normalised —
 * case, accents, punctuation, emoji, greetings and sign-offs, either member's names,
 * whitespace — and compared with stock invitations in English, Spanish, French, German and
 * Portuguese by similarity (character trigrams), not equality, so typos and reworded
 * variants are caught too. Pure: used by the shared zod schema and by the send service.
 */

/** Stock invitations, one language per line group; compared after the same normalisation as notes. */
const STOCK_INVITATIONS = [
  // English
  "I'd like to add you to my professional network on Rapport",
  "I'd like to add you to my professional network",
  "I would like to add you to my network",
  "I'd like to join your network",
  "I'd like to connect with you",
  "I would love to connect with you",
  "Let's connect",
  "Please accept my connection request",
  "Please add me to your network",
  "I want to connect with you on Rapport",
  "Looking forward to connecting with you",
  "I'm expanding my network and would like to connect",
  "Let's stay in touch",
  "I came across your profile and would like to connect",
  "It would be great to connect",
  // Spanish
  "Me gustaría añadirte a mi red profesional en Rapport",
  "Me gustaría agregarte a mi red profesional",
  "Me gustaría conectar contigo",
  "Quiero conectar contigo",
  "Conectemos",
  "Por favor acepta mi solicitud de conexión",
  // French
  "J'aimerais vous ajouter à mon réseau professionnel sur Rapport",
  "Je souhaiterais vous ajouter à mon réseau professionnel",
  "J'aimerais t'ajouter à mon réseau",
  "J'aimerais me connecter avec vous",
  "Restons en contact",
  "Merci d'accepter ma demande de connexion",
  // German
  "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf Rapport hinzufügen",
  "Ich würde dich gerne zu meinem beruflichen Netzwerk hinzufügen",
  "Ich möchte mich gerne mit Ihnen vernetzen",
  "Lass uns vernetzen",
  "Bitte nimm meine Kontaktanfrage an",
  // Portuguese
  "Gostaria de adicioná-lo à minha rede profissional no Rapport",
  "Gostaria de adicionar você à minha rede profissional",
  "Quero me conectar com você",
  "Gostaria de me conectar com você",
  "Vamos nos conectar",
  "Por favor aceite meu pedido de conexão",
];

/** Words that only greet, thank or sign off, in the five languages: they carry no reason. */
const FILLER = new Set(
  (
    "hi hello hey heya hiya yo greetings dear good morning afternoon evening day there all everyone folks friend " +
    "mate thanks thank you thx cheers regards best kind warm warmest wishes sincerely cordially bye again " +
    "in advance please pls ok okay sir madam mr mrs ms dr hope well how are doing is it going nice meet great " +
    "hola buenos buenas dias tardes noches estimado estimada querido querida saludos gracias muchas cordiales un abrazo " +
    "bonjour bonsoir salut coucou cher chere madame monsieur merci beaucoup cordialement bien amicalement " +
    "hallo guten tag morgen abend liebe lieber sehr geehrte geehrter herr frau danke vielen gruss gruessen grusse " +
    "mfg lg viele beste ola oi bom boa tarde noite caro cara prezado prezada obrigado obrigada abracos atenciosamente"
  ).split(" "),
);

/**
 * Lower case, accents and emoji off, typographic apostrophes straightened, other
 * punctuation turned into spaces, German sharp s as "ss", whitespace collapsed.
 */
export function normaliseNote(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[^\p{L}\p{N}'\s]+/gu, " ")
    .replace(/'/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A note's words without greetings, sign-offs and the members' names (and handles). */
export function meaningfulWords(text: string, names: readonly string[] = []): string[] {
  const nameWords = new Set(names.flatMap((n) => normaliseNote(n).split(" ")).filter(Boolean));
  nameWords.add("rapport");
  return normaliseNote(text)
    .split(" ")
    .filter((w) => w && !FILLER.has(w) && !nameWords.has(w));
}

/** A string's character trigrams with their counts, and how many there are in all. */
type Trigrams = { grams: Map<string, number>; total: number };

function trigrams(s: string): Trigrams {
  const padded = `  ${s} `;
  const grams = new Map<string, number>();
  let total = 0;
  for (let i = 0; i + 3 <= padded.length; i++) {
    const g = padded.slice(i, i + 3);
    grams.set(g, (grams.get(g) ?? 0) + 1);
    total++;
  }
  return { grams, total };
}

function dice(x: Trigrams, y: Trigrams): number {
  let shared = 0;
  for (const [g, n] of x.grams) shared += Math.min(n, y.grams.get(g) ?? 0);
  const total = x.total + y.total;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Dice coefficient of two strings' character trigrams (with counts): 1 identical, 0 nothing shared. */
export function similarity(a: string, b: string): number {
  if (!a && !b) return 1;
  return dice(trigrams(a), trigrams(b));
}

const STOCK_CORES = STOCK_INVITATIONS.map((s) => meaningfulWords(s).join(" "));
/** The stock invitations' trigrams, counted once: every send compares its note with all of them. */
const STOCK_TRIGRAMS = STOCK_CORES.map(trigrams);
/** Every word the stock invitations use: a note made only of these says nothing of its own. */
const STOCK_VOCABULARY = new Set(STOCK_CORES.flatMap((s) => s.split(" ")));

/** At or above this similarity to a stock invitation, a note is a stock note. */
export const STOCK_SIMILARITY = 0.7;
/** A note needs at least this many words of its own (outside greetings, names and the stock invitations' words). */
export const OWN_WORDS_MIN = 3;

/** The stock invitation a note is closest to, and how close (0–1). */
export function closestStock(note: string, names: readonly string[] = []): { stock: string; score: number } {
  return closestToCore(meaningfulWords(note, names).join(" "));
}

function closestToCore(core: string): { stock: string; score: number } {
  const mine = trigrams(core);
  let best = { stock: STOCK_INVITATIONS[0], score: 0 };
  for (let i = 0; i < STOCK_CORES.length; i++) {
    const score = !core && !STOCK_CORES[i] ? 1 : dice(mine, STOCK_TRIGRAMS[i]);
    if (score > best.score) best = { stock: STOCK_INVITATIONS[i], score };
  }
  return best;
}

/**
 * True when the note is a stock invitation: close to one by similarity, or with fewer than
 * OWN_WORDS_MIN words of its own once greetings, names and the stock invitations' words
 * are taken out. `names`: both members' names and handles, when known.
 */
export function isStockNote(note: string, names: readonly string[] = []): boolean {
  const words = meaningfulWords(note, names);
  if (words.length === 0) return true;
  const own = words.filter((w) => !STOCK_VOCABULARY.has(w));
  if (own.length < OWN_WORDS_MIN) return true;
  return closestToCore(words.join(" ")).score >= STOCK_SIMILARITY;
}

/** Something from the pair's history a personal note could mention. */
export type NoteTopic =
  | { kind: "post"; excerpt: string }
  | { kind: "logged"; summary: string }
  | { kind: "kudos"; excerpt: string }
  | null;

/** A few words of a longer text, cut at a word, for a hint. */
export function excerptOf(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > 20 ? cut.slice(0, space) : cut).trim()}…`;
}

/** The refusal's hint, drawn from what the two have actually exchanged. */
export function stockNoteHint(firstName: string, topic: NoteTopic): string {
  const lead = "Your note reads like a stock invitation — mention something you talked about";
  switch (topic?.kind) {
    case "post":
      return `${lead} — e.g. ${firstName}'s post “${topic.excerpt}”.`;
    case "logged":
      return `${lead} — e.g. “${topic.summary}”.`;
    case "kudos":
      return `${lead} — e.g. the kudos “${topic.excerpt}”.`;
    default:
      return `${lead}, or say in your own words why you'd like to connect with ${firstName}.`;
  }
}
