/** Where entry files live in knowledge/ and how their versions are read. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Entry } from '../knowledge/schema.js';
import type { ENTRY_DIRS, Knowledge } from '../knowledge/load.js';
import { versionOf } from './entry-yaml.js';

/** Folder of a new entry by kind (an existing entry keeps its file). */
export const KIND_DIR: Record<Entry['kind'], (typeof ENTRY_DIRS)[number]> = {
  faq: 'faq',
  law: 'laws',
  case: 'cases',
  guide: 'guides',
  report: 'report',
};

/** An entry file as the store knows it. */
export interface EntryFile {
  entry: Entry;
  /** Path relative to the knowledge folder. */
  file: string;
  /** Hash of the file text. */
  version: string;
}

/** Reads the text of every entry file of a loaded tree and pairs entries with their versions. */
export async function readEntryFiles(root: string, knowledge: Knowledge): Promise<Map<string, EntryFile>> {
  const out = new Map<string, EntryFile>();
  for (const entry of knowledge.entries) {
    const file = knowledge.files.get(entry.id);
    if (!file) continue;
    const text = await readFile(path.join(root, file), 'utf8').catch(() => undefined);
    if (text !== undefined) out.set(entry.id, { entry, file, version: versionOf(text) });
  }
  return out;
}
