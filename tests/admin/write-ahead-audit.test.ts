/**
 * The record of who wrote what is durable before the text (issue 13, D5): a write cut short after its audit
 * row leaves no unaudited text, and a version whose edit was never recorded cannot be approved by anyone.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entryToYaml } from '../../src/admin/entry-yaml.js';
import { AS_LI, AS_ZHANG, startAdmin, type AdminHarness } from './admin-app.js';

let h: AdminHarness;
beforeEach(async () => {
  h = await startAdmin();
});
afterEach(() => h.close());
const req = (method: 'GET' | 'PUT' | 'POST', url: string, headers: Record<string, string>, payload?: unknown) =>
  h.app.inject({ method, url, headers, payload: payload as never });

describe('write-ahead audit', () => {
  it('a revision file without a recorded editor (a crash of the old order) cannot be approved by anyone', async () => {
    const view = (await req('GET', '/api/admin/entries/permit-validity', AS_ZHANG)).json();
    // Zhang's text lands in DATA_DIR/revisions, but its audit row never does; then the server restarts.
    const revised = { ...view.entry, status: 'draft', answer: '排污许可证有效期为5年（未记录编辑人的修订）。' };
    await mkdir(path.join(h.dataDir, 'revisions'), { recursive: true });
    await writeFile(path.join(h.dataDir, 'revisions/permit-validity.yaml'), entryToYaml(revised));
    await h.stop();
    h = await startAdmin({ reuse: { dir: h.dir, dataDir: h.dataDir } });
    expect((await req('GET', '/api/admin/entries/permit-validity', AS_LI)).json()).toMatchObject({ pendingRevision: true, lastEditor: null });
    for (const who of [AS_ZHANG, AS_LI]) {
      const r = await req('POST', '/api/admin/entries/permit-validity/approve', who);
      expect(r.statusCode).toBe(403);
      expect(r.json().error).toContain('没有记录编辑人');
    }
    // Once a staff member saves it (a recorded edit), the four-eyes rule applies as usual.
    const current = (await req('GET', '/api/admin/entries/permit-validity', AS_ZHANG)).json();
    expect((await req('PUT', '/api/admin/entries/permit-validity', { ...AS_ZHANG, 'if-match': current.version }, current.entry)).statusCode).toBe(200);
    expect((await req('POST', '/api/admin/entries/permit-validity/approve', AS_ZHANG)).statusCode).toBe(403);
    expect((await req('POST', '/api/admin/entries/permit-validity/approve', AS_LI)).statusCode).toBe(200);
  });

  it('the audit row is written before the text: a write that fails after it leaves the old text and the row', async () => {
    const view = (await req('GET', '/api/admin/entries/permit-validity', AS_ZHANG)).json();
    // A directory where the revision file should go makes the rename fail, like a crash right before it.
    await mkdir(path.join(h.dataDir, 'revisions/permit-validity.yaml'), { recursive: true });
    const body = { ...view.entry, answer: '排污许可证有效期为5年（写入中断）。' };
    const put = await req('PUT', '/api/admin/entries/permit-validity', { ...AS_ZHANG, 'if-match': view.version }, body);
    expect(put.statusCode).toBe(500);
    const rows = h.admin.audit.list({ entryId: 'permit-validity' });
    expect(rows[0]).toMatchObject({ actor: '张三', action: 'update', oldVersion: view.version });
    expect((await req('GET', '/api/admin/entries/permit-validity', AS_LI)).json()).toMatchObject({ version: view.version, pendingRevision: false });
  });
});
