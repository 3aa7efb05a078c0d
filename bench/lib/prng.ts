/** A small seeded PRNG (mulberry32) and the samplers the generator draws from. */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const randInt = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

/**
 * Zipf-like ranks 0..n-1: rank k has weight 1/(k+1)^s. Built once as a cumulative table, then
 * each draw is a binary search.
 */
export function zipf(n: number, s = 1.07): (rng: Rng) => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) cumulative[k] = sum += 1 / Math.pow(k + 1, s);
  return (rng) => {
    const x = rng() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** `count` distinct draws from a sampler (fewer if it keeps repeating). */
export function distinct(rng: Rng, count: number, draw: (rng: Rng) => number): number[] {
  const out = new Set<number>();
  for (let tries = 0; out.size < count && tries < count * 20; tries++) out.add(draw(rng));
  return [...out];
}

/**
 * Answers per question: a long tail. About 30% get none, most of the rest 1-3, and a few reach
 * the maximum of 30.
 */
export function answerCount(rng: Rng): number {
  const x = rng();
  if (x < 0.28) return 0;
  if (x < 0.55) return 1;
  if (x < 0.72) return 2;
  if (x < 0.83) return 3;
  if (x < 0.97) return randInt(rng, 4, 8);
  return Math.min(30, 9 + Math.floor(-Math.log(1 - rng()) * 6));
}
