/** The varied inputs of a run: search queries, questions to answer, answer texts, cookies. */
import { mulberry32, pick, randInt } from "./prng";
import { sessionCookie } from "./session";
import { concepts, searchWords, topics } from "./vocab";
import type { GeneratedSet } from "./prepare";

export function searchQueries(count: number, seed: number): string[] {
  const rng = mulberry32(seed ^ 0x5eec);
  return Array.from({ length: count }, () => {
    const first = pick(rng, searchWords);
    return rng() < 0.5 ? first : `${first} ${pick(rng, searchWords)}`;
  });
}

/**
 * Searches to run before the measured ones, none of them among the measured: a server that
 * has been answering searches holds the hot index pages in memory, while the first searches
 * after a start read them from disk (at 100k questions that alone moved the SQL p95 from about
 * 40 ms to 50 ms). The measured queries themselves are never run before they are timed.
 */
export function warmupQueries(measured: string[], count: number, seed: number): string[] {
  const skip = new Set(measured);
  const out = new Set<string>();
  for (let round = 1; out.size < count && round <= 50; round++) {
    for (const q of searchQueries(200, seed + round * 7919)) if (!skip.has(q) && out.size < count) out.add(q);
  }
  return [...out];
}

/**
 * Answer targets spread over the data set, never the threads the page scenarios read (nor the
 * locked one, which takes no answers).
 */
export function postPaths(ds: GeneratedSet, count: number, seed: number): string[] {
  const rng = mulberry32(seed ^ 0xa115);
  const skip = new Set([ds.threads.many.id, ds.threads.one.id, ds.threads.locked.id]);
  const out: string[] = [];
  while (out.length < count) {
    const id = randInt(rng, ds.questionIds.first, ds.questionIds.last);
    if (!skip.has(id)) out.push(`/api/questions/${id}/answers`);
  }
  return out;
}

export function answerBodies(count: number, seed: number): string[] {
  const rng = mulberry32(seed ^ 0xb0d1);
  return Array.from({ length: count }, () =>
    `With ${pick(rng, topics)}, **${pick(rng, concepts)}** usually comes from the defaults. Measure first: \`ss -ti\` shows the RTT and the congestion window, and a capture shows whether ${pick(rng, concepts)} is involved.`,
  );
}

/** Session cookies for the first generated members: [0] reads, all of them post. */
export async function memberCookies(ds: GeneratedSet, count: number): Promise<string[]> {
  return Promise.all(ds.members.slice(0, count).map((m) => sessionCookie(m)));
}
