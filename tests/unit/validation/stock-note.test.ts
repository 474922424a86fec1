import { describe, expect, it } from "vitest";
import { closestStock, excerptOf, isStockNote, normaliseNote, similarity, stockNoteHint } from "../../../lib/validation/stock-note";

// Ben Okafor (@ben_ok) writes to Lena Fischer (@lena).
const NAMES = ["Lena Fischer", "lena", "Ben Okafor", "ben_ok"];

describe("stock notes, refused", () => {
  it.each([
    "Hi Lena! I'd like to add you to my professional network on Rapport.",
    "hi lena, i'd like to add you to my professional network on rapport",
    "HI LENA!!! I'D LIKE TO ADD YOU TO MY PROFESSIONAL NETWORK ON RAPPORT!!!",
    "Hello Lena Fischer 👋 I’d like to add you to my professional network on Rapport 🙂",
    "Hey @lena — I would like to add you to my professional network. Best, Ben",
    "Dear Ms Fischer, I'd like to add you to my professional network. Kind regards, Ben Okafor",
    "Hi Lena, I'd like to add you to my profesional netwrok on Rapport.",
    "Good morning Lena, I would love to connect with you. Cheers!",
    "Hi there, please accept my connection request. Thanks in advance!",
    "Lena, let's connect! Looking forward to connecting with you.",
    "Hi Lena! I came across your profile and would like to connect.",
    "Hello!   I'm expanding my network and would like to connect.   Best wishes",
    "Hi Lena, it would be great to connect. Let's stay in touch!",
    "Hola Lena, me gustaría añadirte a mi red profesional en Rapport.",
    "Hola Lena! Me gustaria agregarte a mi red profesional. Saludos, Ben",
    "Buenos días Lena, me gustaría conectar contigo. ¡Gracias!",
    "Bonjour Lena, j'aimerais vous ajouter à mon réseau professionnel sur Rapport.",
    "Salut Lena ! J’aimerais t’ajouter à mon réseau. Merci beaucoup !",
    "Bonjour Madame Fischer, merci d'accepter ma demande de connexion. Cordialement, Ben",
    "Hallo Lena, ich möchte Sie gerne zu meinem beruflichen Netzwerk auf Rapport hinzufügen.",
    "Liebe Lena, ich würde dich gerne zu meinem beruflichen Netzwerk hinzufügen! Viele Grüße",
    "Guten Tag Frau Fischer, ich möchte mich gerne mit Ihnen vernetzen. Beste Grüße",
    "Olá Lena, gostaria de adicioná-lo à minha rede profissional no Rapport.",
    "Oi Lena! Gostaria de adicionar você à minha rede profissional. Abraços, Ben",
    "Bom dia Lena, gostaria de me conectar com você. Obrigado!",
    "Hello Lena Fischer, hi there, greetings and best wishes to you!",
  ])("refuses %j", (note) => {
    expect(isStockNote(note, NAMES)).toBe(true);
  });
});

describe("personal notes, accepted", () => {
  it.each([
    "Hi Lena, your post about pricing changed how we bill our customers — I'd love to keep talking.",
    "Hi Lena! I'd like to add you to my network: your talk at PriceConf on usage-based billing was the best I saw.",
    "Lena, we met at the Berlin product meetup and talked about onboarding funnels. Let's keep in touch!",
    "Thanks for answering my question on churn metrics last week, it helped our team a lot.",
    "Hola Lena, tu artículo sobre precios me ayudó muchísimo con nuestro modelo de suscripción.",
    "Bonjour Lena, votre fil sur la tarification à l'usage m'a beaucoup aidé pour notre produit.",
    "Hallo Lena, dein Beitrag über Preisgestaltung hat unserem Team bei der Abrechnung sehr geholfen.",
    "Olá Lena, seu post sobre preços ajudou muito a nossa equipe com a cobrança por uso.",
    "We both replied in the thread on design systems — I'd like to hear more about your token setup.",
    "Your comment on my hiring post was spot on; I'm building a similar interview loop now.",
  ])("accepts %j", (note) => {
    expect(isStockNote(note, NAMES)).toBe(false);
  });
});

describe("the pieces", () => {
  it("normalises case, accents, emoji, punctuation and whitespace", () => {
    expect(normaliseNote("  Héllo,   WORLD 👋 — Straße!  ")).toBe("hello world strasse");
  });

  it("measures similarity, not equality", () => {
    expect(similarity("add you to my network", "add you to my network")).toBe(1);
    expect(similarity("add you to my netwrok", "add you to my network")).toBeGreaterThan(0.7);
    expect(similarity("pricing thread", "add you to my network")).toBeLessThan(0.3);
    expect(closestStock("Hi Lena, I'd like to add you to my professional netwrk", NAMES).score).toBeGreaterThan(0.8);
  });

  it("draws the hint from the pair's history, with one form of the name", () => {
    expect(stockNoteHint("Lena", { kind: "post", excerpt: "Pricing is a conversation" })).toBe(
      "Your note reads like a stock invitation — mention something you talked about — e.g. Lena's post “Pricing is a conversation”.",
    );
    expect(stockNoteHint("Lena", null)).toMatch(/why you'd like to connect with Lena\.$/);
    expect(excerptOf("Pricing is a conversation, not a number you pick once and forget about")).toBe("Pricing is a conversation, not a number…");
  });
});
