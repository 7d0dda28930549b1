/**
 * The staff side, built from the services: token auth, the entry store (knowledge files plus revisions under
 * DATA_DIR/revisions), the audit log and the knowledge watcher. The server receives it as a dependency.
 */
import path from 'node:path';
import type { Logger } from 'pino';
import type { StaffToken } from '../config/config.js';
import type { AnswerEngine } from '../engine/engine.js';
import { ENTRY_DIRS, type Knowledge } from '../knowledge/load.js';
import type { Problem } from '../knowledge/problem.js';
import type { Db } from '../store/database.js';
import { removeStaleTemps } from './atomic-write.js';
import { AuditLog } from './audit-log.js';
import { readEntryFiles } from './entry-files.js';
import { EntryStore } from './entry-store.js';
import { KnowledgeWatcher } from './knowledge-watcher.js';
import { RevisionStore } from './revision-store.js';
import { recordedReview } from './recorded-review.js';
import { StaffAuth } from './staff-auth.js';

/** Everything the admin routes need. */
export interface Admin {
  auth: StaffAuth;
  store: EntryStore;
  audit: AuditLog;
  watcher: KnowledgeWatcher;
  /** Problems found in pending revisions at start (invalid revision files are skipped). */
  revisionProblems: Problem[];
  /** Stops the watcher. */
  close(): Promise<void>;
}

/** Options of {@link createAdmin}. */
export interface AdminOptions {
  knowledgeDir: string;
  dataDir: string;
  staffTokens: readonly StaffToken[];
  engine: AnswerEngine;
  /** The tree the engine was built from. */
  knowledge: Knowledge;
  db: Db;
  logger?: Logger;
  /** Watch knowledge/ for hand edits (default: true). */
  watch?: boolean;
  /** Debounce of the watcher in ms (default: 300). */
  debounceMs?: number;
}

/** Builds the staff side and starts the watcher. */
export async function createAdmin(o: AdminOptions): Promise<Admin> {
  await removeStaleTemps(ENTRY_DIRS.map((d) => path.join(o.knowledgeDir, d)));
  const audit = new AuditLog(o.db);
  const { store: revisions, problems: revisionProblems } = await RevisionStore.open(path.join(o.dataDir, 'revisions'));
  for (const p of revisionProblems) o.logger?.warn({ file: p.file, line: p.line, field: p.field }, `invalid revision skipped: ${p.message}`);
  const files = await readEntryFiles(o.knowledgeDir, o.knowledge);
  const store = new EntryStore({
    knowledgeDir: o.knowledgeDir,
    engine: o.engine,
    audit,
    revisions,
    files,
    sources: o.knowledge.sources,
    laws: o.knowledge.laws,
  });
  const watcher = new KnowledgeWatcher({ knowledgeDir: o.knowledgeDir, engine: o.engine, store, audit, logger: o.logger, debounceMs: o.debounceMs });
  watcher.state.problems = o.knowledge.problems; // review notes of the tree served at start
  o.engine.verifyReviewsWith(recordedReview(audit, store));
  if (o.watch ?? true) await watcher.start();
  return { auth: new StaffAuth(o.staffTokens), store, audit, watcher, revisionProblems, close: () => watcher.stop() };
}
