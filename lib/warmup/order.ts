// Sorting is the one super-linear step of an evaluation, and a comparator call per
// comparison dominates it for typical histories. So: pack (time, position) into one
// number, sort those numbers with inline comparisons, then settle ties of equal time
// with the real comparator. Falls back to a comparator sort when packing would lose bits.

const SLOTS = 4096; // positions per packed key; longer histories use the fallback
const MAX_SPAN = 2 ** 41; // ms span that still leaves 12 exact bits for the position (≈ 69 years)
const BLOCK = 16;

/**
 * Indices of `ms` in ascending time order, equal times ordered by `tie(a, b)` (which must be a
 * total order for the result not to depend on input order). All `ms` must be integers or -Infinity.
 */
export function sortedOrder(ms: readonly number[], tie: (a: number, b: number) => number): number[] {
  const n = ms.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = ms[i];
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const order: number[] = new Array(n);
  // Histories usually arrive sorted from the database, one way or the other.
  let asc = true;
  let desc = true;
  for (let i = 1; i < n && (asc || desc); i++) {
    if (ms[i] < ms[i - 1]) asc = false;
    else if (ms[i] > ms[i - 1]) desc = false;
  }
  if (asc || desc) {
    for (let i = 0; i < n; i++) order[i] = asc ? i : n - 1 - i;
    return settleTies(order, ms, tie);
  }
  if (n > SLOTS || !(max - min < MAX_SPAN)) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort((a, b) => (ms[a] !== ms[b] ? (ms[a] < ms[b] ? -1 : 1) : tie(a, b)));
  }
  const keys: number[] = new Array(n);
  for (let i = 0; i < n; i++) keys[i] = (ms[i] - min) * SLOTS + i;
  const sorted = mergeSort(keys);
  for (let i = 0; i < n; i++) {
    const k = sorted[i];
    order[i] = k - Math.floor(k / SLOTS) * SLOTS;
  }
  return settleTies(order, ms, tie);
}

/** Equal times come out in input order; put each such run in tie-break order instead. */
function settleTies(order: number[], ms: readonly number[], tie: (a: number, b: number) => number): number[] {
  const n = order.length;
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && ms[order[i]] === ms[order[start]]) continue;
    if (i - start > 1) {
      const run = order.slice(start, i).sort(tie);
      for (let j = 0; j < run.length; j++) order[start + j] = run[j];
    }
    start = i;
  }
  return order;
}

/** Ascending sort of distinct numbers: insertion sort on small blocks, then bottom-up merges. */
function mergeSort(a: number[]): number[] {
  const n = a.length;
  for (let lo = 0; lo < n; lo += BLOCK) {
    const hi = lo + BLOCK < n ? lo + BLOCK : n;
    for (let i = lo + 1; i < hi; i++) {
      const v = a[i];
      let j = i - 1;
      while (j >= lo && a[j] > v) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }
  if (n <= BLOCK) return a;
  let src = a;
  let dst: number[] = new Array(n);
  for (let width = BLOCK; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = lo + width < n ? lo + width : n;
      const hi = lo + 2 * width < n ? lo + 2 * width : n;
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) dst[k++] = src[i] <= src[j] ? src[i++] : src[j++];
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}
