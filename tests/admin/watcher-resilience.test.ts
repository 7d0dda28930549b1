/** The watcher survives files replaced by rename, re-checks reverted files and never ends the process (issue 13, D3/D4). */
import { readFile, rename, writeFile, appendFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AS_ZHANG, startAdmin, type AdminHarness } from './admin-app.js';
import { waitFor } from '../helpers/net.js';
import { ALIAS_BOMB } from '../helpers/yaml-bomb.js';

let h: AdminHarness;
beforeEach(async () => {
  h = await startAdmin({ watch: true });
});
afterEach(() => h.close());

const status = async () => (await h.app.inject({ method: 'GET', url: '/api/admin/status', headers: AS_ZHANG })).json().knowledge;

describe('knowledge watcher resilience', () => {
  it('an alias bomb is reported, the last good index keeps serving and removing it brings ok back', async () => {
    const bomb = path.join(h.dir, 'faq/zz-bomb.yaml');
    await writeFile(bomb, ALIAS_BOMB);
    await waitFor(async () => (await status()).ok === false, 5000);
    expect((await status()).problems.some((p: { file: string }) => p.file === 'faq/zz-bomb.yaml')).toBe(true);
    expect(h.engine.ask('排污许可证有效期多久').status).toBe('answered');
    await writeFile(bomb, 'not: [an entry\n');
    await rename(bomb, `${bomb}.off`);
    await waitFor(async () => (await status()).ok === true, 5000);
  });

  it('sees edits of a file after it was replaced by rename (atomic write, sed -i)', async () => {
    const file = path.join(h.dir, 'faq/permit-validity.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(`${file}.tmp`, text.replace('期满60日前申请延续', '期满60日前申请延续（替换）'));
    await rename(`${file}.tmp`, file);
    await waitFor(async () => h.engine.entry('permit-validity')!.answer.includes('（替换）'), 5000);
    await appendFile(file, 'answer: [broken\n');
    await waitFor(async () => (await status()).ok === false, 5000);
  });

  it('a broken file reverted to the exact served text returns the status to ok', async () => {
    const file = path.join(h.dir, 'faq/permit-validity.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, `${text}answer: [x\n`);
    await waitFor(async () => (await status()).ok === false, 5000);
    await writeFile(file, text);
    await waitFor(async () => (await status()).ok === true, 5000);
  });

  it('an unexpected failure inside a reload is kept in the state, not thrown', async () => {
    const w = h.admin.watcher;
    const original = w.reload.bind(w);
    w.reload = async () => {
      throw new Error('disk on fire');
    };
    await expect(w.check()).resolves.toBeUndefined();
    expect(w.state.ok).toBe(false);
    expect(w.state.problems[0].message).toContain('disk on fire');
    w.reload = original;
  });
});
