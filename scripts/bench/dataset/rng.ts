/**
 * Deterministic randomness for the large dataset: the same --seed gives the same members,
 * pairs, kinds and times on every machine. Two tools: a sequential generator (mulberry32)
 * for the main stream, and a stateless hash for values that must be recomputable without
 * remembering them (a member's circle of contacts, the posts a member wrote).
 */
export class Rng {
  private s: number;

  constructor(seed: number) {
    this.s = seed >>> 0 || 0x9e3779b9;
  }

  /** uniform in [0, 1) */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** integer in [0, n) */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** integer in [min, max] */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }

  /** picks a key of `weights` with probability proportional to its value */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let u = this.next() * total;
    for (const [k, w] of entries) {
      if ((u -= w) < 0) return k;
    }
    return entries[entries.length - 1][0];
  }
}

/** A stateless 32-bit hash of a few integers (murmur3's finaliser), uniform enough for sampling. */
export function hash32(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** hash32 as a number in [0, 1) */
export const hashUnit = (...parts: number[]) => hash32(...parts) / 4294967296;

/**
 * Zipf–Mandelbrot ranks over [0, n): P(rank g) ∝ 1 / (g + q)^s. With q = 20 and s = 1 the
 * most active member of 20,000 makes ~0.7% of all interactions and the median member ~12 a
 * year: a few very active members, most occasional. Sampling is a binary search of the CDF
 * (one Float64Array of n entries, 160 KB for 20,000 members).
 */
export class Zipf {
  private readonly cdf: Float64Array;

  constructor(
    readonly n: number,
    readonly s = 1,
    readonly q = 20,
  ) {
    this.cdf = new Float64Array(n);
    let total = 0;
    for (let g = 0; g < n; g++) this.cdf[g] = total += 1 / Math.pow(g + q, s);
    for (let g = 0; g < n; g++) this.cdf[g] /= total;
  }

  /** probability of rank g */
  p(g: number): number {
    return this.cdf[g] - (g > 0 ? this.cdf[g - 1] : 0);
  }

  /** the rank whose CDF interval holds u ∈ [0, 1) */
  sample(u: number): number {
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cdf[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
