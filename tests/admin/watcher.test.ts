import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AS_ZHANG, startAdmin, type AdminHarness } from './admin-app.js';
import { waitFor } from '../helpers/net.js';

let h: AdminHarness;
beforeEach(async () => {
  h = await startAdmin({ watch: true });
});
afterEach(() => h.close());

const status = async () => (await h.app.inject({ method: 'GET', url: '/api/admin/status', headers: AS_ZHANG })).json();

describe('knowledge watcher', () => {
  it('reindexes a valid hand edit', async () => {
    const file = path.join(h.dir, 'faq/permit-validity.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('期满60日前申请延续', '期满60日前申请延续（手工修改）'));
    await waitFor(async () => h.engine.entry('permit-validity')!.answer.includes('手工修改'), 5000);
    expect(h.engine.ask('排污许可证有效期多久').text).toContain('手工修改');
    const s = await status();
    expect(s.knowledge.ok).toBe(true);
    expect(s.knowledge.lastReload).toBeTruthy();
    // The store sees the new text and version.
    const view = (await h.app.inject({ method: 'GET', url: '/api/admin/entries/permit-validity', headers: AS_ZHANG })).json();
    expect(view.entry.answer).toContain('手工修改');
  });

  it('keeps the last good index on an invalid edit and shows file, line and field in status', async () => {
    const file = path.join(h.dir, 'faq/permit-validity.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('topic: permit', 'topic: weather').replace('期满60日前申请延续', '坏的修改'));
    await waitFor(async () => (await status()).knowledge.ok === false, 5000);
    const s = await status();
    expect(s.knowledge.problems).toContainEqual(expect.objectContaining({ file: 'faq/permit-validity.yaml', line: 3, field: 'topic', severity: 'error' }));
    expect(h.engine.ask('排污许可证有效期多久').text).toContain('期满60日前申请延续');
    // Fixing the file brings it back.
    await writeFile(file, text.replace('期满60日前申请延续', '修好了的回答'));
    await waitFor(async () => (await status()).knowledge.ok === true, 5000);
    expect(h.engine.entry('permit-validity')?.answer).toContain('修好了的回答');
  });
});
