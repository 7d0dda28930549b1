import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { AS_LI, AS_ZHANG, newEntry, startAdmin, TODAY, type AdminHarness } from './admin-app.js';

let h: AdminHarness;
beforeEach(async () => {
  h = await startAdmin();
});
afterEach(() => h.close());

const req = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Record<string, string> = AS_ZHANG, payload?: unknown) =>
  h.app.inject({
    method,
    url,
    headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    payload: payload === undefined ? undefined : JSON.stringify(payload),
  });

describe('GET /api/admin/entries', () => {
  it('lists drafts too and filters by status and topic', async () => {
    const all = (await req('GET', '/api/admin/entries')).json().entries;
    expect(all.map((e: { id: string }) => e.id)).toContain('draft-entry');
    const drafts = (await req('GET', '/api/admin/entries?status=draft')).json().entries;
    expect(drafts.map((e: { id: string }) => e.id)).toEqual(['draft-entry']);
    const permit = (await req('GET', '/api/admin/entries?topic=permit')).json().entries;
    expect(permit.map((e: { id: string }) => e.id)).toEqual(['permit-validity']);
    expect((await req('GET', '/api/admin/entries?status=bogus')).statusCode).toBe(400);
  });

  it('gives one entry with its version in an ETag', async () => {
    const r = await req('GET', '/api/admin/entries/permit-validity');
    expect(r.statusCode).toBe(200);
    expect(r.headers.etag).toBe(`"${r.json().version}"`);
    expect(r.json().entry.title).toBe('排污许可证有效期多久');
    expect((await req('GET', '/api/admin/entries/nope')).statusCode).toBe(404);
  });
});

describe('POST /api/admin/entries', () => {
  it('creates a draft file formatted like a hand-written one, not served', async () => {
    const r = await req('POST', '/api/admin/entries', AS_ZHANG, newEntry());
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ id: 'noise-night-work', status: 'draft' });
    const text = await readFile(path.join(h.dir, 'faq/noise-night-work.yaml'), 'utf8');
    expect(text.split('\n').slice(0, 4)).toEqual(['id: noise-night-work', 'kind: faq', 'topic: noise', 'title: 夜间施工需要办什么手续']);
    expect(text).toContain('keywords: [夜间施工]');
    expect(text).toContain('answer: |-\n  夜间施工');
    expect(text).toContain(`status: draft\nupdated: ${TODAY}\n`);
    expect(h.engine.entry('noise-night-work')).toBeUndefined();
    const k = await loadKnowledge(h.dir, TODAY);
    expect(k.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(k.entries.find((e) => e.id === 'noise-night-work')?.status).toBe('draft');
  });

  it('lists every field error with the schema of src/knowledge and the cross checks', async () => {
    const r = await req(
      'POST',
      '/api/admin/entries',
      AS_ZHANG,
      newEntry('bad-one', { topic: 'weather', answer: '短', basis: [{ source: 'reg-a', article: '十四' }], extra: 1 }),
    );
    expect(r.statusCode).toBe(400);
    const fields = r
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['answer', 'basis[0].article', 'extra', 'topic']);
    const cross = await req(
      'POST',
      '/api/admin/entries',
      AS_ZHANG,
      newEntry('dup-one', { questions: ['排污许可证管几年'], related: ['ghost'], basis: [{ source: 'nowhere', article: '第一条' }] }),
    );
    expect(cross.statusCode).toBe(400);
    expect(
      cross
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['basis[0].source', 'questions[0]', 'related[0]']);
    expect(await readdir(path.join(h.dir, 'faq'))).not.toContain('bad-one.yaml');
  });

  it('answers 409 for an id that exists', async () => {
    expect((await req('POST', '/api/admin/entries', AS_ZHANG, newEntry('permit-validity'))).statusCode).toBe(409);
  });
});

describe('PUT, approve, retire', () => {
  it('needs If-Match (428), refuses a stale one (412, nothing written) and saves a current one', async () => {
    const { version } = (await req('GET', '/api/admin/entries/draft-entry')).json();
    const body = { ...newEntry('draft-entry'), title: '夜间施工噪声怎么管' };
    expect((await req('PUT', '/api/admin/entries/draft-entry', AS_ZHANG, body)).statusCode).toBe(428);
    const before = await readFile(path.join(h.dir, 'faq/draft-entry.yaml'), 'utf8');
    expect((await req('PUT', '/api/admin/entries/draft-entry', { ...AS_ZHANG, 'if-match': '"0000"' }, body)).statusCode).toBe(412);
    expect(await readFile(path.join(h.dir, 'faq/draft-entry.yaml'), 'utf8')).toBe(before);
    const ok = await req('PUT', '/api/admin/entries/draft-entry', { ...AS_ZHANG, 'if-match': `"${version}"` }, body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).not.toBe(version);
    expect(await readFile(path.join(h.dir, 'faq/draft-entry.yaml'), 'utf8')).toContain('title: 夜间施工噪声怎么管');
  });

  it('four-eyes: the last editor cannot approve; another staff member can, and the next question sees it', async () => {
    await req('POST', '/api/admin/entries', AS_ZHANG, newEntry());
    expect(h.engine.ask('夜间施工证明怎么办').entry?.id).not.toBe('noise-night-work');
    const self = await req('POST', '/api/admin/entries/noise-night-work/approve');
    expect(self.statusCode).toBe(403);
    const r = await req('POST', '/api/admin/entries/noise-night-work/approve', AS_LI);
    expect(r.statusCode).toBe(200);
    expect(h.engine.ask('夜间施工证明怎么办').entry?.id).toBe('noise-night-work');
    const text = await readFile(path.join(h.dir, 'faq/noise-night-work.yaml'), 'utf8');
    expect(text).toContain(`status: published\nreviewed: {by: 李四, at: ${TODAY}}`);
    expect((await req('POST', '/api/admin/entries/noise-night-work/approve', AS_ZHANG)).statusCode).toBe(409);
  });

  it('editing a published entry makes a revision; the published text serves until it is approved', async () => {
    const { version } = (await req('GET', '/api/admin/entries/permit-validity')).json();
    const file = path.join(h.dir, 'faq/permit-validity.yaml');
    const before = await readFile(file, 'utf8');
    const current = (await req('GET', '/api/admin/entries/permit-validity')).json().entry;
    const body = { ...current, answer: '排污许可证有效期为5年，期满60日前申请延续，逾期须重新申请。' };
    const put = await req('PUT', '/api/admin/entries/permit-validity', { ...AS_ZHANG, 'if-match': version }, body);
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ status: 'published', pendingRevision: true });
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(h.engine.ask('排污许可证有效期多久').text).not.toContain('逾期须重新申请');
    const view = (await req('GET', '/api/admin/entries/permit-validity')).json();
    expect(view).toMatchObject({ pendingRevision: true, version: put.json().version, lastEditor: '张三' });
    expect(view.published.answer).not.toContain('逾期');
    expect((await req('GET', '/api/admin/entries?status=revision')).json().entries.map((e: { id: string }) => e.id)).toEqual(['permit-validity']);
    expect((await req('POST', '/api/admin/entries/permit-validity/approve', { ...AS_LI, 'if-match': version })).statusCode).toBe(412);
    expect((await req('POST', '/api/admin/entries/permit-validity/approve', AS_LI)).statusCode).toBe(200);
    expect(h.engine.ask('排污许可证有效期多久').text).toContain('逾期须重新申请');
    expect(await readdir(path.join(h.dataDir, 'revisions'))).toEqual([]);
  });

  it('retire stops serving at once; the audit log records who, what, old and new version', async () => {
    expect(h.engine.ask('排污许可证有效期多久').entry?.id).toBe('permit-validity');
    const { version } = (await req('GET', '/api/admin/entries/permit-validity')).json();
    const r = await req('POST', '/api/admin/entries/permit-validity/retire', AS_LI);
    expect(r.statusCode).toBe(200);
    expect(h.engine.ask('排污许可证有效期多久').entry?.id).not.toBe('permit-validity');
    expect(await readFile(path.join(h.dir, 'faq/permit-validity.yaml'), 'utf8')).toContain('status: retired');
    const audit = (await req('GET', '/api/admin/audit?entry=permit-validity')).json().audit;
    expect(audit[0]).toMatchObject({ actor: '李四', action: 'retire', entryId: 'permit-validity', oldVersion: version, newVersion: r.json().version });
    expect(typeof audit[0].at).toBe('string');
  });
});

describe('restart', () => {
  it('keeps drafts, revisions and the audit log', async () => {
    await req('POST', '/api/admin/entries', AS_ZHANG, newEntry());
    const current = (await req('GET', '/api/admin/entries/permit-validity')).json();
    await req('PUT', '/api/admin/entries/permit-validity', { ...AS_ZHANG, 'if-match': current.version }, { ...current.entry, title: '排污许可证的有效期多长' });
    await h.stop();
    h = await startAdmin({ reuse: { dir: h.dir, dataDir: h.dataDir } });
    expect((await req('GET', '/api/admin/entries/noise-night-work')).json().status).toBe('draft');
    const again = (await req('GET', '/api/admin/entries/permit-validity')).json();
    expect(again).toMatchObject({ pendingRevision: true, lastEditor: '张三' });
    expect(again.entry.title).toBe('排污许可证的有效期多长');
    expect(h.engine.entry('permit-validity')?.title).toBe('排污许可证有效期多久');
    const actions = (await req('GET', '/api/admin/audit')).json().audit.map((a: { action: string }) => a.action);
    expect(actions).toEqual(['update', 'create']);
    expect((await req('POST', '/api/admin/entries/permit-validity/approve')).statusCode).toBe(403);
  });
});
