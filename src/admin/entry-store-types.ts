/** The types of the staff's entry store (src/admin/entry-store.ts): what staff see of an entry, what the store needs. */
import type { AnswerEngine } from '../engine/engine.js';
import type { Entry, Source } from '../knowledge/schema.js';
import type { LawLibrary } from '../law/library.js';
import type { AuditLog } from './audit-log.js';
import type { EntryFile } from './entry-files.js';
import type { RevisionStore } from './revision-store.js';

/** An entry as staff see it: the text they edit, its version, and what is served meanwhile. */
export interface EntryView {
  /** The working text: the pending revision if there is one, else the file. */
  entry: Entry;
  /** Version of the working text (the ETag; send it back in If-Match). */
  version: string;
  /** Status of the entry file (what the public sees). */
  status: Entry['status'];
  /** The published text still served while a revision waits for approval. */
  published?: Entry;
  /** True when a draft revision of a published entry waits for approval. */
  pendingRevision: boolean;
  /** File relative to the knowledge folder. */
  file: string;
}

/** Dependencies of the store. */
export interface EntryStoreDeps {
  knowledgeDir: string;
  engine: AnswerEngine;
  audit: AuditLog;
  revisions: RevisionStore;
  /** The loaded tree the store starts from (entries with their files). */
  files: Map<string, EntryFile>;
  sources: Map<string, Source>;
  /** The shipped law texts citations and 「」 quotations are checked against (default: none, not checked). */
  laws?: LawLibrary;
}
