/** Test helper: files that add the 生态环境法典 (source and shipped text, copied from knowledge/) to a fixture copy. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { FIXTURE_DIR, KNOWLEDGE_DIR } from './fixture.js';

/** The eco-code source as the fixture registers it (in force on every test day). */
const ECO_CODE_SOURCE = '- id: eco-code\n  name: 中华人民共和国生态环境法典\n  kind: law\n  effective: 2026-01-01\n';

/** sources.yaml of the fixture with eco-code added. */
export async function sourcesWithCode(): Promise<Record<string, string>> {
  const text = await readFile(path.join(FIXTURE_DIR, 'sources.yaml'), 'utf8');
  return { 'sources.yaml': `${text.trimEnd()}\n${ECO_CODE_SOURCE}` };
}

/** The shipped law text of the Code (knowledge/law-text/eco-code/*), as relative path → text. */
export async function codeText(): Promise<Record<string, string>> {
  const dir = path.join(KNOWLEDGE_DIR, 'law-text', 'eco-code');
  const out: Record<string, string> = {};
  for (const f of await readdir(dir)) out[`law-text/eco-code/${f}`] = await readFile(path.join(dir, f), 'utf8');
  return out;
}

/** Both: a fixture tree that cites and ships the Code. */
export async function codeFiles(): Promise<Record<string, string>> {
  return { ...(await sourcesWithCode()), ...(await codeText()) };
}
