/**
 * Entries as hand-written YAML: a stable key order (the order of the field reference), block style, short
 * lists of terms in flow style, the answer as a literal block. Versions are hashes of the file text.
 */
import { createHash } from 'node:crypto';
import { Document, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { EntrySchema, type Entry } from '../knowledge/schema.js';

/**
 * Key order of entry files: the order of the schema's fields (and of knowledge/README.md), so that no field
 * the schema knows (formerly, review_note, checked ...) is dropped when staff save an entry.
 */
export const ENTRY_KEY_ORDER = Object.keys(EntrySchema.properties) as (keyof Entry)[];

/** Fields kept on one line as `[a, b, c]` (short terms). */
const FLOW_LISTS = new Set(['keywords', 'related']);

/** The version of a file's text: the first 20 hex digits of its SHA-256. */
export function versionOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 20);
}

/** Formats an entry like a hand-written knowledge file (ends with a newline). */
export function entryToYaml(entry: Entry): string {
  const doc = new Document();
  const map = new YAMLMap();
  const record = entry as unknown as Record<string, unknown>;
  for (const key of ENTRY_KEY_ORDER) {
    const value = record[key];
    if (value === undefined) continue;
    const node = doc.createNode(value);
    if (key === 'answer' && node instanceof Scalar) {
      node.type = String(value).includes('\n') || String(value).length > 60 ? Scalar.BLOCK_LITERAL : Scalar.PLAIN;
    }
    if (node instanceof YAMLSeq) node.flow = FLOW_LISTS.has(key) || (key === 'questions' && (value as unknown[]).length === 0);
    if ((key === 'reviewed' || key === 'checked') && node instanceof YAMLMap) node.flow = true;
    map.add(doc.createPair(key, node));
  }
  doc.contents = map;
  return doc.toString({ lineWidth: 0, indentSeq: true, flowCollectionPadding: false });
}
