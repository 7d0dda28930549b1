/**
 * Crash-safe file writes: the text goes to a temp file in the same folder, is fsynced, then renamed over the
 * target (atomic on POSIX), and the folder is fsynced. A reader sees the old file or the new one, never a part.
 * Temp files end in `.tmp`, which the knowledge loader ignores.
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Suffix of temp files left by a write that was killed (removed by {@link removeStaleTemps}). */
export const TEMP_SUFFIX = '.tmp';

/** Writes `text` to `file` atomically (temp file, fsync, rename, fsync of the folder). */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (err) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await handle.close();
  try {
    await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await syncDir(dir);
}

/** Removes a file durably (unlink, then fsync of the folder); no error when it is missing. */
export async function removeFileDurably(file: string): Promise<void> {
  await rm(file, { force: true });
  await syncDir(path.dirname(file));
}

async function syncDir(dir: string): Promise<void> {
  const d = await open(dir, 'r');
  try {
    await d.sync();
  } catch {
    /* some file systems cannot fsync a folder */
  } finally {
    await d.close();
  }
}

/** Deletes temp files left in `dirs` by writes that were killed. */
export async function removeStaleTemps(dirs: readonly string[]): Promise<number> {
  let removed = 0;
  for (const dir of dirs) {
    let names: string[] = [];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const n of names) {
      if (n.startsWith('.') && n.endsWith(TEMP_SUFFIX)) {
        await rm(path.join(dir, n), { force: true });
        removed++;
      }
    }
  }
  return removed;
}
