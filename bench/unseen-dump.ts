/**
 * The file `npm run bench:unseen -- --dump <file>` writes, one JSON line per question, and what its readers
 * (bench/unseen-analysis.ts, bench/learned-decision.ts) share: the row's shape, reading it, and the halves.
 */
import { readFileSync } from 'node:fs';
import type { Scored } from '../src/engine/decide.js';
import { fnv1a32 } from './eval/split.js';

/** One dumped question (bench/unseen.ts traceOf). */
export interface DumpRow {
  variant: string;
  /** `out` for an out-of-scope item (its candidates are never right; its `outcome` means nothing: read `status`). */
  scope?: 'out';
  q: string;
  /** The analyses' split of short and long questions: 30 characters or more. */
  long: boolean;
  status: string;
  outcome: 'hit' | 'miss' | 'wrong';
  /** The eight best candidates, each with whether its reply carries the question's facts. */
  top: (Scored & { good: boolean })[];
}

/** The half (`a` or `b`) a question falls in: FNV-1a of its text, even or odd. */
export function halfOf(q: string): 'a' | 'b' {
  return fnv1a32(q) % 2 === 0 ? 'a' : 'b';
}

/** The rows of one variant of a dump file. */
export function readDump(path: string, variant: string): DumpRow[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as DumpRow)
    .filter((r) => r.variant === variant);
}
