/**
 * Watching a folder tree for changes of YAML files in a way that survives files replaced by rename (atomic
 * writes, `sed -i`, editors, `git checkout`). Node 20's recursive `fs.watch` on Linux watches each file's
 * inode, and goes blind to a file once it has been replaced; here every *folder* is watched (a folder's watch
 * reports creations, renames into it and writes of any file inside), folders are re-listed on every event,
 * and a periodic sweep compares each file's size, mtime and inode, so nothing is missed even where fs.watch
 * reports nothing (network filesystems, overlay mounts).
 */
import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Options of {@link TreeWatch}. */
export interface TreeWatchOptions {
  /** The root folder. */
  root: string;
  /** Which files count, by path relative to the root with `/` (default: `.yaml`/`.yml` files). */
  accept?: (rel: string) => boolean;
  /** Called with the relative path of a changed, created or deleted file (`''` when unknown). */
  onChange: (rel: string) => void;
  /** Called when a watch or a sweep fails; watching goes on (default: ignored). */
  onError?: (err: unknown) => void;
  /** Interval of the signature sweep in ms; 0 turns it off (default: 5000). */
  sweepMs?: number;
}

const isYaml = (rel: string) => /\.ya?ml$/.test(rel);

/** Watches every folder under a root and sweeps file signatures periodically. */
export class TreeWatch {
  private readonly watchers = new Map<string, FSWatcher>();
  private signatures = new Map<string, string>();
  private sweepTimer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private closed = false;

  constructor(private readonly o: TreeWatchOptions) {}

  /** Starts watching; resolves once every folder is watched and the first signatures are taken. */
  async start(): Promise<void> {
    this.signatures = await this.scan();
    const ms = this.o.sweepMs ?? 5000;
    if (ms > 0) {
      this.sweepTimer = setInterval(() => void this.sweep(), ms);
      this.sweepTimer.unref();
    }
  }

  /** Stops every watch and the sweep. */
  async stop(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweepTimer);
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    await this.sweeping;
  }

  /** Compares signatures now and reports every file that differs (also run by the timer). */
  sweep(): Promise<void> {
    if (this.sweeping || this.closed) return this.sweeping ?? Promise.resolve();
    this.sweeping = (async () => {
      try {
        const now = await this.scan();
        for (const [rel, sig] of now) if (this.signatures.get(rel) !== sig) this.o.onChange(rel);
        for (const rel of this.signatures.keys()) if (!now.has(rel)) this.o.onChange(rel);
        this.signatures = now;
      } catch (err) {
        this.o.onError?.(err);
      }
    })().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  /** Lists the tree, watching any folder not yet watched; returns the signature of each accepted file. */
  private async scan(): Promise<Map<string, string>> {
    const accept = this.o.accept ?? isYaml;
    const out = new Map<string, string>();
    const seen = new Set<string>();
    const walk = async (dir: string): Promise<void> => {
      seen.add(dir);
      this.watchFolder(dir);
      let names: import('node:fs').Dirent[];
      try {
        names = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const d of names) {
        if (d.name.startsWith('.')) continue;
        const abs = path.join(dir, d.name);
        if (d.isDirectory()) await walk(abs);
        else {
          const rel = path.relative(this.o.root, abs).split(path.sep).join('/');
          if (!accept(rel)) continue;
          const s = await stat(abs).catch(() => undefined);
          if (s) out.set(rel, `${s.size}:${s.mtimeMs}:${s.ino}`);
        }
      }
    };
    await walk(this.o.root);
    for (const [dir, w] of this.watchers) {
      if (!seen.has(dir)) {
        w.close();
        this.watchers.delete(dir);
      }
    }
    return out;
  }

  private watchFolder(dir: string): void {
    if (this.closed || this.watchers.has(dir)) return;
    try {
      const w = watch(dir, (_event, name) => {
        const rel = name
          ? path
              .relative(this.o.root, path.join(dir, String(name)))
              .split(path.sep)
              .join('/')
          : '';
        const accept = this.o.accept ?? isYaml;
        if (rel && !accept(rel)) {
          // A new or renamed folder: list it (and watch it) soon; temp and swap files are ignored.
          if (!/\.(tmp|swp)$|~$/.test(rel)) void this.sweep();
          return;
        }
        this.o.onChange(rel);
      });
      w.on('error', (err) => {
        this.o.onError?.(err);
        w.close();
        this.watchers.delete(dir);
      });
      this.watchers.set(dir, w);
    } catch (err) {
      this.o.onError?.(err);
    }
  }
}
