import { hash } from "@node-rs/argon2";
import type { Db } from "@/lib/db/create-client";
import { seedRequests } from "./requests";
import { seedContent } from "./content";
import { DAY } from "@/lib/warmup/time";

export const DEMO_PASSWORD = "rapport-demo-2026";

export const DEMO_MEMBERS = [
  { handle: "ana", name: "Ana Ferreira", headline: "Staff engineer, distributed systems", preset: "standard", role: "admin", topics: ["distributed systems", "databases", "on-call"] },
  { handle: "ben", name: "Ben Okafor", headline: "Product designer", preset: "friendly", topics: ["design systems", "accessibility", "product"] },
  { handle: "chloe", name: "Chloé Martin", headline: "Engineering manager", preset: "strict", topics: ["engineering management", "hiring", "on-call"] },
  { handle: "dev", name: "Dev Raman", headline: "Developer advocate", preset: "open", topics: ["developer relations", "open source", "rust"] },
  { handle: "emma", name: "Emma Lindqvist", headline: "Data scientist", preset: "standard", topics: ["data science", "climate", "databases"] },
  { handle: "farid", name: "Farid Haddad", headline: "Security researcher", preset: "closed", topics: ["security", "privacy"] },
  { handle: "grace", name: "Grace Kim", headline: "Founder, tiny SaaS", preset: "custom", topics: ["startups", "product", "climate"] },
  { handle: "hugo", name: "Hugo Silva", headline: "Recruiter (tech)", preset: "standard", topics: ["hiring", "careers"] },
  { handle: "iris", name: "Iris Novak", headline: "Open-source maintainer", preset: "friendly", topics: ["open source", "rust", "community"] },
  { handle: "jon", name: "Jon Park", headline: "SRE", preset: "standard", topics: ["sre", "on-call", "observability"] },
  { handle: "kai", name: "Kai Müller", headline: "Frontend engineer", preset: "standard", topics: ["frontend", "accessibility", "design systems"] },
  { handle: "lena", name: "Lena Rossi", headline: "Technical writer", preset: "friendly", topics: ["technical writing", "documentation", "open source"] },
] as const;

export async function seedDemo(db: Db, now: Date): Promise<string> {
  const passwordHash = await hash(DEMO_PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  let created = 0;
  for (const [i, m] of DEMO_MEMBERS.entries()) {
    const existing = await db.member.findUnique({ where: { handle: m.handle }, select: { id: true } });
    if (existing) continue;
    await db.member.create({
      data: {
        handle: m.handle,
        name: m.name,
        email: `${m.handle}@demo.rapport.test`,
        headline: m.headline,
        topics: [...m.topics],
        bio: `Hi, I'm ${m.name.split(" ")[0]}. ${m.headline}.`,
        passwordHash,
        emailVerifiedAt: new Date(now.getTime() - (120 - i) * DAY),
        role: "role" in m ? m.role : "member",
        createdAt: new Date(now.getTime() - (120 - i) * DAY),
        policy: {
          create:
            m.preset === "custom"
              ? { preset: "custom", minPoints: 9, minInteractions: 3, minDistinctDays: 2, minSpanDays: 3, requireConversation: true }
              : { preset: m.preset },
        },
      },
    });
    created++;
  }
  const content = await seedContent(db, now);
  const requests = await seedRequests(db, now); // last: it builds on the members and their content
  return `${created} new member(s), ${DEMO_MEMBERS.length} demo members in all (password "${DEMO_PASSWORD}"); ${content}; ${requests}`;
}
