/**
 * The benches' statistics: medians, and two versions of a command timed in pairs (run k of
 * each, one right after the other): the machine's speed drifts by ±15% from hour to hour, so a
 * change of a few percent shows only in the ratio within each pair, not in two sets of runs
 * side by side.
 */

/**
 * The median of the finite numbers in a list (the mean of the middle two for an even count),
 * undefined when there are none (a measure the method could not take).
 */
export function median(values) {
  const sorted = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((x, y) => x - y);
  if (sorted.length === 0) return undefined;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * A seeded generator of numbers in [0, 1) (a linear congruential one: the interval below is
 * the same every time for the same runs).
 */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * `a[k] / b[k]` for each pair, their median, the share of pairs in which `a` took less, and a
 * 95% interval for the median ratio by resampling the pairs (`resamples` times, seeded): an
 * interval that holds 1 says the runs cannot tell the two apart.
 */
export function pairedRatios(a, b, { resamples = 2000, seed = 1 } = {}) {
  if (a.length !== b.length || a.length === 0) throw new Error('pairedRatios: two lists of the same, non-zero length');
  const ratios = a.map((x, k) => x / b[k]);
  const random = seeded(seed);
  const medians = [];
  for (let r = 0; r < resamples; r++) {
    medians.push(median(ratios.map(() => ratios[Math.floor(random() * ratios.length)])));
  }
  medians.sort((x, y) => x - y);
  return {
    median: median(ratios),
    lessShare: ratios.filter((x) => x < 1).length / ratios.length,
    interval: [medians[Math.floor(0.025 * resamples)], medians[Math.ceil(0.975 * resamples) - 1]],
  };
}
