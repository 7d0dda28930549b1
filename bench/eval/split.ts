/**
 * The fixed split rule of the real-question corpus (bench/eval/real-questions.yaml): an item is `test` when the
 * FNV-1a 32-bit hash of its question text `q` (UTF-8 bytes) modulo 3 is 0, otherwise `tune`. The rule depends on
 * the question text alone, so it was applied before any result was seen and nobody can move an item afterwards.
 *
 * `npx tsx bench/eval/split.ts [file]` checks every item's recorded `split:` against the rule (exit code 1 on a
 * disagreement); `--write` is not offered on purpose: the splits are written once, when the corpus is built.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** FNV-1a 32-bit hash of the UTF-8 bytes of `text`, as an unsigned integer. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The split the rule gives a question: `test` when fnv1a32(q) % 3 == 0, else `tune`. */
export function splitFor(q: string): 'tune' | 'test' {
  return fnv1a32(q) % 3 === 0 ? 'test' : 'tune';
}

interface Item {
  id: string;
  q: string;
  split?: string;
}

/** One line per item of the corpus file whose recorded split is not the rule's. */
export function splitProblems(file: string): string[] {
  const data = parse(readFileSync(file, 'utf8')) as { in_scope?: Item[]; out_of_scope?: Item[] };
  const items = [...(data.in_scope ?? []), ...(data.out_of_scope ?? [])];
  return items.filter((i) => i.split !== splitFor(i.q)).map((i) => `${i.id}: split "${i.split ?? ''}", rule says "${splitFor(i.q)}"`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2] ?? 'bench/eval/real-questions.yaml';
  const problems = splitProblems(file);
  if (problems.length) {
    console.error(`${file}: ${problems.length} item(s) off the split rule:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  } else console.log(`${file}: every item follows the split rule`);
}
