/**
 * Draft revisions of published entries. Editing a published entry must not change what is served until the
 * revision is approved, so the revision lives outside knowledge/: DATA_DIR/revisions/<id>.yaml (same format
 * as an entry file, status draft). Approval moves it over the entry's file; retiring discards it.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Entry } from '../knowledge/schema.js';
import { parseYaml } from '../knowledge/yaml-file.js';
import { validateEntry } from '../knowledge/validate-entry.js';
import type { Problem } from '../knowledge/problem.js';
import { removeFileDurably, removeStaleTemps, writeFileAtomic } from './atomic-write.js';
import { entryToYaml, versionOf } from './entry-yaml.js';

/** A pending revision. */
export interface Revision {
  entry: Entry;
  version: string;
}

/** Pending revisions on disk, mirrored in memory. */
export class RevisionStore {
  private readonly revisions = new Map<string, Revision>();

  private constructor(readonly dir: string) {}

  /** Opens (creating) the folder, removes temp files of killed writes, reads every revision. */
  static async open(dir: string): Promise<{ store: RevisionStore; problems: Problem[] }> {
    await mkdir(dir, { recursive: true });
    await removeStaleTemps([dir]);
    const store = new RevisionStore(dir);
    const problems: Problem[] = [];
    for (const name of (await readdir(dir)).sort()) {
      if (!name.endsWith('.yaml')) continue;
      const text = await readFile(path.join(dir, name), 'utf8');
      const { yaml, problems: p } = parseYaml(`revisions/${name}`, text);
      const checked = yaml ? validateEntry(yaml) : { problems: p };
      if (!('entry' in checked) || !checked.entry) {
        problems.push(...checked.problems);
        continue;
      }
      store.revisions.set(checked.entry.id, { entry: checked.entry, version: versionOf(text) });
    }
    return { store, problems };
  }

  /** The pending revision of an entry. */
  get(id: string): Revision | undefined {
    return this.revisions.get(id);
  }

  /** Ids with a pending revision. */
  ids(): string[] {
    return [...this.revisions.keys()];
  }

  /** Writes (atomically) a revision; returns its version. */
  async put(entry: Entry): Promise<string> {
    const text = entryToYaml(entry);
    await writeFileAtomic(path.join(this.dir, `${entry.id}.yaml`), text);
    const version = versionOf(text);
    this.revisions.set(entry.id, { entry, version });
    return version;
  }

  /** Deletes a revision (after approval or retirement). */
  async remove(id: string): Promise<void> {
    await removeFileDurably(path.join(this.dir, `${id}.yaml`));
    this.revisions.delete(id);
  }
}
