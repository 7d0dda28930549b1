/**
 * Picks up hand edits of knowledge/ (an editor, a git pull): fs.watch on the folder, debounced. A valid tree
 * is reloaded into the engine and the store; an invalid one leaves the last good index serving, and its
 * problems (file, line, field) are logged and kept for GET /api/admin/status.
 */
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { AnswerEngine } from '../engine/engine.js';
import { hasErrors, loadKnowledge } from '../knowledge/load.js';
import { formatProblem, type Problem } from '../knowledge/problem.js';
import type { AuditLog } from './audit-log.js';
import { readEntryFiles } from './entry-files.js';
import { versionOf } from './entry-yaml.js';
import type { EntryStore } from './entry-store.js';

/** Options of the watcher. */
export interface WatcherOptions {
  knowledgeDir: string;
  engine: AnswerEngine;
  store: EntryStore;
  audit: AuditLog;
  logger?: Logger;
  /** Quiet time after the last change before reloading, in ms (default: 300). */
  debounceMs?: number;
}

/** The outcome of the last reload, shown in GET /api/admin/status. */
export interface WatcherState {
  /** ISO time of the last reload attempt (undefined before the first). */
  lastCheck?: string;
  /** ISO time of the last successful reload. */
  lastReload?: string;
  /** True when the files on disk are what is served. */
  ok: boolean;
  /** Problems of the last attempt (errors make it invalid; review notes do not). */
  problems: Problem[];
}

/** Watches the knowledge folder and reloads valid hand edits. */
export class KnowledgeWatcher {
  readonly state: WatcherState = { ok: true, problems: [] };
  private watcher?: FSWatcher;
  private timer?: NodeJS.Timeout;
  private changed = new Set<string>();
  private running?: Promise<void>;
  private again = false;

  constructor(private readonly opts: WatcherOptions) {}

  /** Starts watching (recursive fs.watch). */
  start(): void {
    this.watcher = watch(this.opts.knowledgeDir, { recursive: true }, (_event, name) => {
      const rel = name ? String(name).split(path.sep).join('/') : '';
      if (rel && !/\.ya?ml$/.test(rel)) return; // temp files of atomic writes, editor swap files
      this.changed.add(rel);
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.check(), this.opts.debounceMs ?? 300);
    });
    this.watcher.on('error', (err) => this.opts.logger?.error({ err }, 'knowledge watcher failed'));
  }

  /** Stops watching; waits for a reload in progress. */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = undefined;
    await this.running;
  }

  /** Reloads when a changed file differs from what the store itself wrote (one reload at a time). */
  async check(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        const names = [...this.changed];
        this.changed.clear();
        if (await this.onlyOwnWrites(names)) continue;
        await this.reload(names);
      } while (this.again || this.changed.size > 0);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private async onlyOwnWrites(names: string[]): Promise<boolean> {
    if (names.length === 0 || names.includes('')) return false;
    for (const rel of names) {
      const text = await readFile(path.join(this.opts.knowledgeDir, rel), 'utf8').catch(() => undefined);
      if (text === undefined || versionOf(text) !== this.opts.store.knownVersion(rel)) return false;
    }
    return true;
  }

  /** Loads the tree; swaps it in when valid and no staff write happened meanwhile (else loads again). */
  async reload(names: string[] = []): Promise<void> {
    const { engine, store, knowledgeDir, logger } = this.opts;
    for (let attempt = 0; attempt < 5; attempt++) {
      const writes = store.writeCount;
      const knowledge = await loadKnowledge(knowledgeDir, engine.options.today());
      this.state.lastCheck = new Date().toISOString();
      this.state.problems = knowledge.problems;
      if (hasErrors(knowledge.problems)) {
        this.state.ok = false;
        const errors = knowledge.problems.filter((p) => p.severity === 'error');
        logger?.error({ problems: errors.map(formatProblem) }, 'knowledge edit invalid: still serving the last good index');
        return;
      }
      const files = await readEntryFiles(knowledgeDir, knowledge);
      if (store.writeCount !== writes) continue; // a staff write landed while loading: its file may be stale here
      engine.reload(knowledge);
      store.replaceAll(files, knowledge);
      this.state.ok = true;
      this.state.lastReload = this.state.lastCheck;
      this.opts.audit.record({ actor: 'file', action: 'reload', entryId: '*', detail: names.filter(Boolean).join(', ') || undefined });
      logger?.info({ entries: engine.size, files: names }, 'knowledge reloaded after a hand edit');
      return;
    }
  }
}
