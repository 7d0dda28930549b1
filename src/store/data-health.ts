/**
 * The data folder's health: the database under DATA_DIR is opened and a write is tried; when that fails (a
 * read-only mount, a full or broken disk, a corrupt file) the service starts anyway on an in-memory database,
 * logs a loud error, reports `degraded` on /healthz, and tries the real file again every `retryMs`. Question-log
 * write failures while running count too. The public Q&A never depends on the data folder.
 */
import path from 'node:path';
import type { Logger } from 'pino';
import { openDatabase, type Db } from './database.js';

/** What /healthz says about the data folder. */
export interface DataStatus {
  /** `ok`, or `degraded` while the database is in memory or the question log failed recently. */
  status: 'ok' | 'degraded';
  /** Where records go: `file` (DATA_DIR/pufa.db) or `memory` (lost at restart). */
  database: 'file' | 'memory';
  /** Whether the last question was recorded in the log. */
  log: boolean;
}

/** Opens DATA_DIR/pufa.db and proves it writable; throws when it is not. */
export function openWritable(dataDir: string): Db {
  const db = openDatabase(path.join(dataDir, 'pufa.db'));
  try {
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('write_check', ?)").run(new Date().toISOString());
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Tracks the data folder and the question log. */
export class DataHealth {
  private memory = false;
  private logOk = true;
  /** Questions that could not be recorded since start (for /metrics). */
  logFailures = 0;

  /** Opens the database of `dataDir`, or an in-memory one (with a loud error) when the folder fails. */
  open(dataDir: string, logger?: Pick<Logger, 'error'>): Db {
    try {
      return openWritable(dataDir);
    } catch (err) {
      this.memory = true;
      logger?.error(
        { dataDir, err: err instanceof Error ? err.message : String(err) },
        'DATA_DIR is not writable: answering WITHOUT the question log (records kept in memory only, lost at restart); fix the folder, it is retried every 30 s',
      );
      return openDatabase(':memory:');
    }
  }

  /** Whether the service runs on the in-memory database. */
  get inMemory(): boolean {
    return this.memory;
  }

  /** The database file opened after all (recovery). */
  recovered(): void {
    this.memory = false;
    this.logOk = true;
  }

  /** A question was (true) or could not be (false) recorded. */
  logWrite(ok: boolean): void {
    this.logOk = ok;
    if (!ok) this.logFailures++;
  }

  /** The status for /healthz. */
  status(): DataStatus {
    return { status: this.memory || !this.logOk ? 'degraded' : 'ok', database: this.memory ? 'memory' : 'file', log: this.logOk && !this.memory };
  }

  /**
   * While in memory, tries `dataDir` every `retryMs` (default: 30 s); `onOpen` gets the real database once it
   * opens. Returns a function that stops trying.
   */
  retry(dataDir: string, onOpen: (db: Db) => void, retryMs = 30_000): () => void {
    const timer = setInterval(() => {
      if (!this.memory) return clearInterval(timer);
      try {
        const db = openWritable(dataDir);
        this.recovered();
        clearInterval(timer);
        onOpen(db);
      } catch {
        /* still not writable */
      }
    }, retryMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
