/**
 * Validation of an entry sent by staff, with the same rules as the loader: the TypeBox schema
 * (`validateEntry`) and the whole-tree checks (`crossCheck`: known sources, existing related ids,
 * questions not asked by another entry, basis required, and — given the shipped law texts — cited articles and 款/项
 * that exist and 「」 quotations that are verbatim Code text). Whatever passes here passes the loader.
 */
import { crossCheck } from '../knowledge/load.js';
import type { Entry, Source } from '../knowledge/schema.js';
import { validateEntry } from '../knowledge/validate-entry.js';
import type { YamlFile } from '../knowledge/yaml-file.js';
import type { Problem } from '../knowledge/problem.js';
import type { LawLibrary } from '../law/library.js';

/** One field error, as listed in a 400 body. */
export interface FieldError {
  /** Field path, e.g. `basis[0].article` ('' for the whole entry). */
  field: string;
  /** What is wrong, in Chinese. */
  message: string;
}

const CANDIDATE = '(提交的条目)';

const plain = (file: string, data: unknown): YamlFile => ({ file, data, lineOf: () => 1 });

/**
 * Checks `data` as an entry among `others` (the other entries of the tree; one with the same id is
 * replaced). Returns the entry when there is no error, else every field error. `options.outOfForce` is the
 * severity of a published entry citing a repealed or superseded source (default: the loader's); `options.laws` the
 * shipped law texts the citations and quotations are checked against (default: none, those checks are skipped).
 */
export function checkEntry(
  data: unknown,
  others: Iterable<Entry>,
  sources: Map<string, Source>,
  today: string,
  options: { outOfForce?: Problem['severity']; laws?: LawLibrary } = {},
): { entry?: Entry; errors: FieldError[] } {
  const { entry, problems } = validateEntry(plain(CANDIDATE, data));
  if (!entry) return { errors: problems.map((p) => ({ field: p.field, message: p.message })) };
  const entries: Entry[] = [];
  const parsed = new Map<string, YamlFile>();
  for (const e of others) {
    if (e.id === entry.id) continue;
    entries.push(e);
    parsed.set(e.id, plain(e.id, e));
  }
  // The candidate goes last, so a duplicated question is reported against it, not against the older entry.
  entries.push(entry);
  parsed.set(entry.id, plain(CANDIDATE, entry));
  const errors = crossCheck(entries, sources, parsed, today, options)
    .filter((p) => p.file === CANDIDATE && p.severity === 'error')
    .map((p) => ({ field: p.field, message: p.message }));
  return errors.length ? { errors } : { entry, errors: [] };
}
