import { hash } from "@node-rs/argon2";
import { resolvePolicy } from "@/lib/warmup/policy";
import type { Policy, PresetName } from "@/lib/warmup/types";
import { bio, headline, location, memberName, postBody, topicsOf } from "./content";
import { DAY } from "@/lib/warmup/time";
import type { SeedContext } from "./context";
import { Layout, PASSWORD, SEED_EMAIL_DOMAIN, SPECIAL } from "./layout";
import { hashUnit } from "./rng";
import { textArray, ts } from "./sql-writer";

/** Posts written by the special members; the general population's follow their activity. */
function specialPosts(ctx: SeedContext, i: number): number {
  const L = ctx.layout;
  if (i === SPECIAL.heavy) return 40;
  if (i < L.sendersStart) return 10;
  if (i < L.sinksStart) return 2;
  return 5;
}

/** Member i's effective protocol (custom ones drawn within moderate bounds). */
export function policyOf(L: Layout, i: number): Policy {
  const preset = L.preset(i);
  if (preset !== "custom") return resolvePolicy({ preset: preset as PresetName });
  const u = (k: number) => hashUnit(L.o.seed, k, i);
  return resolvePolicy({
    preset: "custom",
    minPoints: 3 + Math.floor(u(15) * 12),
    minInteractions: 1 + Math.floor(u(16) * 5),
    minDistinctDays: 1 + Math.floor(u(17) * 4),
    minSpanDays: Math.floor(u(18) * 10),
    requireConversation: u(19) < 0.6,
    requireReciprocity: u(20) < 0.2,
  });
}

/**
 * Members, their protocols and their posts. One argon2 hash (of PASSWORD, with a salt
 * derived from --seed) is shared by every seeded member: hashing 20,000 passwords would take
 * minutes and prove nothing. Flushed before anything refers to a member or a post.
 */
export async function seedMembersAndPosts(ctx: SeedContext): Promise<void> {
  const { o, layout: L, w } = ctx;
  const salt = Buffer.alloc(16);
  salt.writeUInt32LE(o.seed >>> 0, 0);
  salt.write("rapport-seed", 4);
  const passwordHash = await hash(PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1, salt });

  for (let i = 0; i < o.members; i++) {
    const handle = L.handle(i);
    const created = L.createdAt(i);
    await w.member.push([
      L.memberId(i), `${handle}@${SEED_EMAIL_DOMAIN}`, handle, memberName(i), headline(i), bio(i), location(i),
      hashUnit(o.seed, 13, i) < 0.3 ? `https://${handle}.example` : null, passwordHash, "member", ts(created), ts(created),
      textArray(topicsOf(i)),
      // Verified when they joined: an unverified member may not send requests, and the send path
      // would then measure only the email_unverified refusal.
      ts(created),
    ]);
  }
  await w.member.flush();
  for (let i = 0; i < o.members; i++) {
    const created = L.createdAt(i);
    const preset = L.preset(i);
    // Half of the standard members never opened their protocol settings: no row, standard applies.
    if (preset === "standard" && L.isPool(i) && hashUnit(o.seed, 14, i) < 0.5) continue;
    const p = policyOf(L, i);
    await w.policy.push([
      L.memberId(i), p.preset, p.minPoints, p.minInteractions, p.minDistinctDays, p.minSpanDays, p.requireConversation,
      p.requireReciprocity, p.freshnessDays, p.dailyPointCap, p.pendingLoggedCounts, p.allowIntroductions, p.minAccountAgeDays,
      ts(created + DAY),
    ]);
  }

  await w.policy.flush();

  // Posts: at least one each; the rest of --posts shared out by popularity.
  const specials = L.poolStart;
  let specialTotal = 0;
  for (let i = 0; i < specials; i++) specialTotal += specialPosts(ctx, i);
  const extra = Math.max(0, o.posts - specialTotal - L.poolSize);
  ctx.postStart = new Int32Array(o.members + 1);
  for (let i = 0; i < o.members; i++) {
    const k = i < specials ? specialPosts(ctx, i) : 1 + Math.round(extra * ctx.zipf.p(i - specials));
    ctx.postStart[i + 1] = ctx.postStart[i] + k;
  }
  for (let i = 0; i < o.members; i++) {
    const k = ctx.postStart[i + 1] - ctx.postStart[i];
    for (let j = 0; j < k; j++) {
      const n = ctx.postStart[i] + j;
      await w.post.push([Layout.id("p", n), L.memberId(i), postBody(n), ts(ctx.postCreatedAt(i, j, k))]);
    }
  }
  await w.post.flush();
}
