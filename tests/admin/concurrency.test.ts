import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { AS_LI, AS_ZHANG, startAdmin, TODAY, type AdminHarness } from './admin-app.js';

let h: AdminHarness;
beforeEach(async () => {
  h = await startAdmin({ watch: true });
});
afterEach(() => h.close());

describe('50 concurrent PUTs with the same If-Match', () => {
  it('give exactly one 200 and 49 412; the file holds the winner and the index serves it', async () => {
    const first = (await h.app.inject({ method: 'GET', url: '/api/admin/entries/draft-entry', headers: AS_ZHANG })).json();
    const answers = Array.from({ length: 50 }, (_, i) => `夜间施工噪声第${i}号版本的回答，内容足够长。`);
    const results = await Promise.all(
      answers.map((answer) =>
        h.app.inject({
          method: 'PUT',
          url: '/api/admin/entries/draft-entry',
          headers: { ...AS_ZHANG, 'if-match': `"${first.version}"`, 'content-type': 'application/json' },
          payload: JSON.stringify({ ...first.entry, answer }),
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 412)).toHaveLength(49);
    const winner = answers[codes.indexOf(200)];
    const text = await readFile(path.join(h.dir, 'faq/draft-entry.yaml'), 'utf8');
    expect(text).toContain(winner);
    expect((await loadKnowledge(h.dir, TODAY)).entries.find((e) => e.id === 'draft-entry')?.answer).toBe(winner);
    // Publish it: the index serves the winner's text.
    const approve = await h.app.inject({ method: 'POST', url: '/api/admin/entries/draft-entry/approve', headers: AS_LI });
    expect(approve.statusCode).toBe(200);
    expect(h.engine.entry('draft-entry')?.answer).toBe(winner);
    expect(h.engine.ask('晚上施工噪声').text).toContain(winner);
    // The watcher sees only the store's own writes and leaves the index alone.
    await new Promise((r) => setTimeout(r, 400));
    expect(h.engine.entry('draft-entry')?.answer).toBe(winner);
    expect(h.admin.watcher.state.ok).toBe(true);
  });

  it('on a published entry: one revision wins, the published text keeps serving', async () => {
    const first = (await h.app.inject({ method: 'GET', url: '/api/admin/entries/permit-validity', headers: AS_ZHANG })).json();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        h.app.inject({
          method: 'PUT',
          url: '/api/admin/entries/permit-validity',
          headers: { ...AS_ZHANG, 'if-match': first.version, 'content-type': 'application/json' },
          payload: JSON.stringify({ ...first.entry, answer: `排污许可证有效期为5年（修订${i}）。` }),
        }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 412)).toHaveLength(49);
    expect(h.engine.entry('permit-validity')?.answer).toBe(first.entry.answer);
  });
});
