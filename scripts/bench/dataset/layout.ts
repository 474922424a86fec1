import { DAY } from "@/lib/warmup/time";
import { hashUnit } from "./rng";

/** Sizes and switches of one seed run (see scripts/seed-large.ts for the flags). */
export type SeedOptions = {
  members: number;
  interactions: number;
  requests: number;
  connections: number;
  posts: number;
  /** warm requesters prepared for the send-request benchmark, and the recipients they are warm with */
  senders: number;
  sinks: number;
  seed: number;
  /** the dataset's "now" (ms): every date is relative to it */
  now: number;
  force: boolean;
  /** write bearer tokens for the senders (and heavy) to this JSON file */
  tokensOut: string | null;
};

export type Preset = "open" | "friendly" | "standard" | "strict" | "closed" | "custom";

/** Share of members per preset in the general population. */
const PRESET_MIX: [Preset, number][] = [
  ["open", 0.1],
  ["friendly", 0.2],
  ["standard", 0.45],
  ["strict", 0.12],
  ["closed", 0.05],
  ["custom", 0.08],
];

/** Handles of the members the benchmarks sign in as (PASSWORD for all seeded members). */
export const SPECIAL = { heavy: 0, rel10: 1, rel100: 2, rel1000: 3 } as const;
export const GROWTH = [
  ["rel10", 10],
  ["rel100", 100],
  ["rel1000", 1000],
] as const;
/** Popularity rank (in the general population) of the member named `peer`: a busy profile. */
export const PEER_RANK = 5;
export const SEED_EMAIL_DOMAIN = "seed.rapport.test";
export const PASSWORD = "rapport-demo-2026";

/**
 * Where each member sits in the id space. Index 0–3: heavy, rel10, rel100, rel1000; then the
 * bench senders and sinks; then the general population, whose index order is its popularity
 * rank (rank 0 = most active). Ids are "cseed" + a letter + a zero-padded base-36 number:
 * 25 characters like a cuid, sortable, and recognisable as seed data.
 */
export class Layout {
  readonly sendersStart = 4;
  readonly sinksStart: number;
  readonly poolStart: number;
  readonly poolSize: number;

  constructor(readonly o: SeedOptions) {
    this.sinksStart = this.sendersStart + o.senders;
    this.poolStart = this.sinksStart + o.sinks;
    this.poolSize = o.members - this.poolStart;
    if (this.poolSize < 1_200) {
      throw new Error(`--members ${o.members} is too small: rel1000 needs 1,000 related members besides the ${this.poolStart} special ones.`);
    }
  }

  static id(kind: string, n: number): string {
    return `cseed${kind}${n.toString(36).padStart(19, "0")}`;
  }

  memberId = (i: number) => Layout.id("m", i);
  pool = (rank: number) => this.poolStart + rank;
  sender = (k: number) => this.sendersStart + k;
  sink = (k: number) => this.sinksStart + k;

  handle(i: number): string {
    if (i === SPECIAL.heavy) return "heavy";
    if (i === SPECIAL.rel10) return "rel10";
    if (i === SPECIAL.rel100) return "rel100";
    if (i === SPECIAL.rel1000) return "rel1000";
    if (i < this.sinksStart) return `bench_s${i - this.sendersStart}`;
    if (i < this.poolStart) return `bench_r${i - this.sinksStart}`;
    const rank = i - this.poolStart;
    return rank === PEER_RANK ? "peer" : `m${rank}`;
  }

  isPool = (i: number) => i >= this.poolStart;

  /** Special members keep the default protocol so the benchmarks measure the same rules. */
  preset(i: number): Preset {
    if (!this.isPool(i) || i - this.poolStart === PEER_RANK) return "standard";
    let u = hashUnit(this.o.seed, 11, i);
    for (const [p, share] of PRESET_MIX) if ((u -= share) < 0) return p;
    return "standard";
  }

  /** Account creation: 14 months to ~3 years before now, so every member may be asked (no too_new). */
  createdAt(i: number): number {
    return this.o.now - (420 + Math.floor(hashUnit(this.o.seed, 12, i) * 600)) * DAY;
  }
}
