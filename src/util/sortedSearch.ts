/**
 * Index of the last element <= `value` among the first `count` of a sorted array, or 0
 * when there is none (callers keep 0 at index 0, so 0 is also the right answer then).
 */
export function indexAtOrBefore(sorted: ArrayLike<number>, value: number, count = sorted.length): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (sorted[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
