/** The published entries an engine serves, by id, with their validity windows. */
import type { Entry } from '../knowledge/schema.js';
import type { EntryRef } from './reply.js';

/** Whether an entry's validity window (valid_from / valid_until, inclusive) contains `day`. */
export function validOn(e: Entry, day: string): boolean {
  return (!e.valid_from || e.valid_from <= day) && (!e.valid_until || e.valid_until >= day);
}

/**
 * Published entries by id. Every published entry is held; its validity window is checked when it is asked
 * for, so an entry starts and stops answering on its dates without a reload.
 */
export class EntryRegistry {
  private entries: Map<string, Entry>;

  /** A registry of `published` (entries of another status are the caller's to leave out). */
  constructor(published: Entry[] = []) {
    this.entries = new Map(published.map((e) => [e.id, e]));
  }

  /** The entry whatever its validity window, or undefined. */
  get(id: string): Entry | undefined {
    return this.entries.get(id);
  }

  /** The entry when it is served on `day`. */
  live(id: string, day: string): Entry | undefined {
    const e = this.entries.get(id);
    return e && validOn(e, day) ? e : undefined;
  }

  /** All entries served on `day`. */
  liveOn(day: string): Entry[] {
    return [...this.entries.values()].filter((e) => validOn(e, day));
  }

  /** Adds or replaces an entry. */
  set(entry: Entry): void {
    this.entries.set(entry.id, entry);
  }

  /** Removes an entry (no-op when absent). */
  delete(id: string): void {
    this.entries.delete(id);
  }

  /** Id and title of an entry that is held. */
  ref(id: string): EntryRef {
    const e = this.entries.get(id)!;
    return { id: e.id, title: e.title };
  }
}
