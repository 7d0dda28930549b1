/**
 * Picks up hand edits of knowledge/ (an editor, a git pull): every folder watched plus a periodic signature
 * sweep ({@link TreeWatch}, which survives files replaced by rename), debounced. A valid tree
 * is reloaded into the engine and the store; an invalid one leaves the last good index serving, and its
 * problems (file, line, field) are logged and kept for GET /api/admin/status.
 */
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
import { TreeWatch } from './tree-watch.js';

/** Options of the watcher. */
export interface WatcherOptions {
  knowledgeDir: string;
  engine: AnswerEngine;
  store: EntryStore;
  audit: AuditLog;
  logger?: Logger;
  /** Quiet time after the last change before reloading, in ms (default: 300). */
  debounceMs?: number;
  /** Interval of the safety sweep of file signatures, in ms; 0 turns it off (default: 5000). */
  sweepMs?: number;
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
  /** Reloads since start: swapped in (ok) or refused (failed), for /metrics. */
  readonly reloads = { ok: 0, failed: 0 };
  private watcher?: TreeWatch;
  private timer?: NodeJS.Timeout;
  private changed = new Set<string>();
  private running?: Promise<void>;
  private again = false;

  constructor(private readonly opts: WatcherOptions) {}

  /** Starts watching every folder of the tree; resolves once the watches are in place. */
  async start(): Promise<void> {
    const watcher = new TreeWatch({
      root: this.opts.knowledgeDir,
      sweepMs: this.opts.sweepMs,
      onChange: (rel) => {
        this.changed.add(rel);
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.check(), this.opts.debounceMs ?? 300);
      },
      onError: (err) => this.opts.logger?.error({ err: (err as Error)?.message }, 'knowledge watcher failed (still watching)'),
    });
    this.watcher = watcher;
    await watcher.start();
  }

  /** Stops watching; waits for a reload in progress. */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    await this.watcher?.stop();
    this.watcher = undefined;
    await this.running;
  }

  /**
   * Reloads when a changed file differs from what the store itself wrote, or always while the tree is
   * invalid (so a reverted file brings the status back). One reload at a time; never rejects: an unexpected
   * failure is logged and kept in the state, and the last good index keeps serving.
   */
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
        try {
          if (this.state.ok && (await this.onlyOwnWrites(names))) continue;
          await this.reload(names);
        } catch (err) {
          this.fail(err);
        }
      } while (this.again || this.changed.size > 0);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Records an unexpected failure of a reload as the state's problem. */
  private fail(err: unknown): void {
    const message = `知识库重新加载失败: ${err instanceof Error ? err.message : String(err)}`;
    this.state.lastCheck = new Date().toISOString();
    this.state.ok = false;
    this.reloads.failed++;
    this.state.problems = [{ file: '', line: 1, field: '', message, severity: 'error' }];
    this.opts.logger?.error({ err: message }, 'knowledge reload failed: still serving the last good index');
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
        this.reloads.failed++;
        const errors = knowledge.problems.filter((p) => p.severity === 'error');
        logger?.error({ problems: errors.map(formatProblem) }, 'knowledge edit invalid: still serving the last good index');
        return;
      }
      const files = await readEntryFiles(knowledgeDir, knowledge);
      if (store.writeCount !== writes) continue; // a staff write landed while loading: its file may be stale here
      engine.reload(knowledge);
      store.replaceAll(files, knowledge);
      this.state.ok = true;
      this.reloads.ok++;
      this.state.lastReload = this.state.lastCheck;
      this.opts.audit.record({ actor: 'file', action: 'reload', entryId: '*', detail: names.filter(Boolean).join(', ') || undefined });
      logger?.info({ entries: engine.size, files: names }, 'knowledge reloaded after a hand edit');
      return;
    }
  }
}
