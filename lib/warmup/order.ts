// Sorting is the one super-linear step of an evaluation, and a comparator call per
// comparison dominates it for typical histories. So: pack (time, position) into one
// float, let the typed array sort natively, then settle ties of equal time with the
// real comparator. Falls back to a plain comparator sort when packing would lose bits.

const SLOT_BITS = 4096; // positions per packed key; histories longer than this use the fallback
const MAX_SPAN = 2 ** 41; // ms span that still leaves 12 exact bits for the position (≈ 69 years)

/**
 * Indices of `ms` in ascending time order, equal times ordered by `tie(a, b)` (which must be a
 * total order for the result not to depend on input order). All `ms` must be integers or -Infinity.
 */
export function sortedOrder(ms: readonly number[], tie: (a: number, b: number) => number): number[] {
  const n = ms.length;
  const order: number[] = new Array(n);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = ms[i];
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (n > SLOT_BITS || !(max - min < MAX_SPAN)) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort((a, b) => (ms[a] !== ms[b] ? (ms[a] < ms[b] ? -1 : 1) : tie(a, b)));
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (ms[i] - min) * SLOT_BITS + i;
  keys.sort();
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    order[i] = k - Math.floor(k / SLOT_BITS) * SLOT_BITS;
  }
  // Equal times came out in input order; put each such run in tie-break order instead.
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && ms[order[i]] === ms[order[start]]) continue;
    const len = i - start;
    if (len > 32) {
      const run = order.slice(start, i).sort(tie);
      for (let j = 0; j < len; j++) order[start + j] = run[j];
    } else if (len > 1) insertionSort(order, start, i, tie);
    start = i;
  }
  return order;
}

function insertionSort(a: number[], from: number, to: number, cmp: (x: number, y: number) => number): void {
  for (let i = from + 1; i < to; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= from && cmp(a[j], v) > 0) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}
