/**
 * Issue 10/12/13 (no careless edit can take the server down): what would make the tree invalid at load — a Code
 * article that does not exist, a 「」 quotation that is not Code text — is refused when staff save (400, field
 * errors, nothing written; the console's live validation says the same) and when a revision is approved, and a hand
 * edit with such a problem leaves the last good index serving.
 */
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasErrors, loadKnowledge } from '../../src/knowledge/load.js';
import { formatProblem } from '../../src/knowledge/problem.js';
import { NOT_VERBATIM } from '../../src/law/citation-check.js';
import { codeFiles, codeText, sourcesWithCode } from '../helpers/eco-code-tree.js';
import { fixtureCopy } from '../helpers/fixture.js';
import { AS_LI, AS_ZHANG, newEntry, startAdmin, TODAY, type AdminHarness } from './admin-app.js';

let h: AdminHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Starts the app on a fixture copy with `files` added. */
async function start(files: Record<string, string>): Promise<AdminHarness> {
  const { dir } = await fixtureCopy(files);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pufa-data-'));
  return startAdmin({ reuse: { dir, dataDir } });
}

const req = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Record<string, string> = AS_ZHANG, payload?: unknown) =>
  h!.app.inject({
    method,
    url,
    headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    payload: payload === undefined ? undefined : JSON.stringify(payload),
  });

const onCode = (article: string) => ({ basis: [{ source: 'eco-code', article }] });
const MISSING = '《中华人民共和国生态环境法典》没有第一千三百条（共1242条）';
const FAKE = '夜间施工「只要提前一天告诉邻居就可以」。';
const REAL = '拒不执行的，「处十日以上十五日以下拘留」。';

describe('saving an entry is checked against the shipped Code text', () => {
  it('refuses a draft citing a Code article that does not exist (400, Chinese message, nothing written)', async () => {
    h = await start(await codeFiles());
    const r = await req('POST', '/api/admin/entries', AS_ZHANG, newEntry('on-1300', onCode('第一千三百条')));
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toEqual([{ field: 'basis[0].article', message: MISSING }]);
    expect(await readdir(path.join(h.dir, 'faq'))).not.toContain('on-1300.yaml');
    // The console's live validation uses the same checks and says the same.
    const v = (await req('POST', '/api/admin/console/validate', AS_ZHANG, { entry: newEntry('on-1300', onCode('第一千三百条')), create: true })).json();
    expect(v).toMatchObject({ ok: false, errors: [{ field: 'basis[0].article', message: MISSING }] });
    expect((await req('POST', '/api/admin/entries', AS_ZHANG, newEntry('on-1095', onCode('第一千零九十五条第二款')))).statusCode).toBe(201);
  });

  it('checks the 款 and 项 a citation names', async () => {
    h = await start(await codeFiles());
    const errors = async (article: string) =>
      (await req('POST', '/api/admin/console/validate', AS_ZHANG, { entry: newEntry('x-new', onCode(article)) })).json().errors;
    expect(await errors('第一千零九十五条第五款')).toEqual([
      { field: 'basis[0].article', message: '《中华人民共和国生态环境法典》第一千零九十五条只有4款，没有第五款' },
    ]);
    expect(await errors('第九十五条第二款第（四）项')).toEqual([
      { field: 'basis[0].article', message: '《中华人民共和国生态环境法典》第九十五条第二款只有3项，没有第（四）项' },
    ]);
    expect(await errors('第九十五条第一款第（一）项')).toEqual([
      { field: 'basis[0].article', message: '《中华人民共和国生态环境法典》第九十五条第一款不分项，没有第（一）项' },
    ]);
    expect(await errors('第九十五条第二款第（三）项')).toEqual([]);
    expect(await errors('第九十六条第（八）项')).toEqual([]);
  });

  it('refuses a 「」 quotation that is not verbatim Code text; a verbatim one saves', async () => {
    h = await start(await codeFiles());
    const r = await req('POST', '/api/admin/entries', AS_ZHANG, newEntry('fake-quote', { answer: FAKE }));
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toEqual([{ field: 'answer', message: `「只要提前一天告诉邻居就可以」不是法典原文：${NOT_VERBATIM}` }]);
    expect(await readdir(path.join(h.dir, 'faq'))).not.toContain('fake-quote.yaml');
    const v = (await req('POST', '/api/admin/console/validate', AS_ZHANG, { entry: newEntry('fake-quote', { answer: FAKE }) })).json();
    expect(v.errors).toEqual(r.json().errors);
    // A PUT of an existing draft is refused the same way.
    const { version } = (await req('GET', '/api/admin/entries/draft-entry')).json();
    const current = (await req('GET', '/api/admin/entries/draft-entry')).json().entry;
    const before = await readFile(path.join(h.dir, 'faq/draft-entry.yaml'), 'utf8');
    const put = await req('PUT', '/api/admin/entries/draft-entry', { ...AS_ZHANG, 'if-match': version }, { ...current, answer: FAKE });
    expect(put.statusCode).toBe(400);
    expect(await readFile(path.join(h.dir, 'faq/draft-entry.yaml'), 'utf8')).toBe(before);
    expect((await req('POST', '/api/admin/entries', AS_ZHANG, newEntry('real-quote', { answer: REAL, ...onCode('第一千零九十五条第二款') }))).statusCode).toBe(
      201,
    );
    expect(hasErrors((await loadKnowledge(h.dir, TODAY)).problems)).toBe(false);
  });
});

describe('approval', () => {
  it('refuses a revision that became invalid (saved before the Code text shipped), 400 with the reason', async () => {
    // Phase 1: the tree cites eco-code but ships no text of it, so the article cannot be checked at save.
    h = await start(await sourcesWithCode());
    const { version } = (await req('GET', '/api/admin/entries/permit-validity')).json();
    const current = (await req('GET', '/api/admin/entries/permit-validity')).json().entry;
    const put = await req(
      'PUT',
      '/api/admin/entries/permit-validity',
      { ...AS_ZHANG, 'if-match': version },
      { ...current, basis: [{ source: 'eco-code', article: '第一千三百条' }] },
    );
    expect(put.json()).toMatchObject({ pendingRevision: true });
    const { dir, dataDir } = h;
    await h.stop();
    // Phase 2: the Code text ships; the next start serves the tree, and approving the revision is refused.
    for (const [rel, text] of Object.entries(await codeText())) {
      await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await writeFile(path.join(dir, rel), text);
    }
    h = await startAdmin({ reuse: { dir, dataDir } });
    const file = path.join(dir, 'faq/permit-validity.yaml');
    const before = await readFile(file, 'utf8');
    const r = await req('POST', '/api/admin/entries/permit-validity/approve', AS_LI);
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toEqual([{ field: 'basis[0].article', message: MISSING }]);
    expect(await readFile(file, 'utf8')).toBe(before);
    expect((await req('GET', '/api/admin/entries/permit-validity')).json().pendingRevision).toBe(true);
    expect(hasErrors((await loadKnowledge(dir, TODAY)).problems)).toBe(false);
  });
});

describe('check-knowledge and the watcher', () => {
  const handEdited = (answer: string, article: string) =>
    `id: hand-edit\nkind: faq\ntopic: noise\ntitle: 手工编辑的条目\nquestions: [手工编辑的问题]\nkeywords: [手工]\nanswer: ${answer}\nbasis:\n  - {source: eco-code, article: ${article}}\nrelated: []\nstatus: published\nupdated: 2026-01-01\n`;

  it('check-knowledge reports both problems by file, line and field', async () => {
    const { dir, cleanup } = await fixtureCopy({ ...(await codeFiles()), 'faq/hand-edit.yaml': handEdited(FAKE, '第一千三百条') });
    const k = await loadKnowledge(dir, TODAY);
    await cleanup();
    expect(k.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([
      `faq/hand-edit.yaml:9 basis[0].article: ${MISSING}`,
      `faq/hand-edit.yaml:7 answer: 「只要提前一天告诉邻居就可以」不是法典原文：${NOT_VERBATIM}`,
    ]);
  });

  it('a hand edit with such a problem keeps the last good index serving', async () => {
    h = await start(await codeFiles());
    const file = path.join(h.dir, 'faq/permit-validity.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(
      file,
      text.replace('{source: reg-a, article: 第十四条}', '{source: eco-code, article: 第一千三百条}').replace('期满60日前申请延续', '「期满60日前申请延续」'),
    );
    await h.admin.watcher.reload(['faq/permit-validity.yaml']);
    const status = (await req('GET', '/api/admin/status')).json().knowledge;
    expect(status.ok).toBe(false);
    expect(status.problems.map((p: { message: string }) => p.message)).toEqual(expect.arrayContaining([MISSING, expect.stringContaining(NOT_VERBATIM)]));
    expect(h.engine.entry('permit-validity')!.basis).toEqual([{ source: 'reg-a', article: '第十四条' }]);
    expect(h.engine.ask('排污许可证有效期多久').status).toBe('answered');
  });
});
