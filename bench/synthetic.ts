/** Synthetic corpora for scale benchmarks: new entries recombined from the real ones' sentences. */
import type { Entry } from '../src/knowledge/schema.js';

/** A small deterministic pseudo-random generator (mulberry32). */
export function random(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` synthetic published entries built from the sentences and keywords of `real`. */
export function syntheticEntries(real: readonly Entry[], n: number, seed = 42): Entry[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const sentences = real.flatMap((e) => e.answer.split(/(?<=[。；！？])/).filter((s) => s.trim().length > 4));
  const asks = real.flatMap((e) => [e.title, ...e.questions]);
  const words = [...new Set(real.flatMap((e) => e.keywords))];
  const out: Entry[] = [];
  for (let i = 0; i < n; i++) {
    const base = real[i % real.length];
    const tag = `${pick(words)}${pick(words)}`;
    out.push({
      ...base,
      id: `syn-${i}`,
      title: `${tag}${pick(asks)}`,
      questions: [pick(asks), `${pick(words)}${pick(asks)}`, pick(asks)],
      keywords: [pick(words), pick(words), tag],
      answer: Array.from({ length: 3 + Math.floor(rnd() * 4) }, () => pick(sentences)).join(''),
      related: [],
    });
  }
  return out;
}
