/** Shared helpers: the fixture knowledge tree and temporary copies of it. */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The small fixture knowledge tree used by unit tests. */
export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/knowledge', import.meta.url));
/** The real knowledge tree of the project. */
export const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge', import.meta.url));

/** Copies the fixture tree into a temp folder, applies `files` (relative path → text), returns the folder. */
export async function fixtureCopy(files: Record<string, string> = {}): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pufa-kb-'));
  await cp(FIXTURE_DIR, dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
