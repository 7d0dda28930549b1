/** A broken DATA_DIR does not take the public Q&A down, and it recovers (issue 13, D6). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createServices } from '../../src/runtime.js';
import { buildApp } from '../../src/server/app.js';
import { DataHealth } from '../../src/store/data-health.js';
import { QuestionLog } from '../../src/store/question-log.js';
import { waitFor } from '../helpers/net.js';
import { FIXTURE_DIR } from '../helpers/fixture.js';

describe('an unusable DATA_DIR', () => {
  it('starts on an in-memory database, says degraded on /healthz, answers, and logs again once writable', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pufa-broken-'));
    const dataDir = path.join(root, 'data');
    writeFileSync(dataDir, 'not a folder'); // mkdir fails: the folder cannot be used (like a read-only mount)
    const errors: string[] = [];
    const health = new DataHealth();
    const config = loadConfig({ KNOWLEDGE_DIR: FIXTURE_DIR, DATA_DIR: dataDir });
    const built = await createServices(config, { error: (_o: unknown, msg?: string) => errors.push(String(msg)) } as never, health);
    expect(errors.join('\n')).toMatch(/DATA_DIR is not writable/);
    const app = await buildApp({ engine: built.engine, service: built.service, rateLimitPerMinute: 0, dataStatus: () => health.status() });
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toMatchObject({ status: 'degraded', database: 'memory', log: false });
    const r = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: '排污许可证有效期多久' } });
    expect(r.statusCode).toBe(200);
    expect(r.json().status).toBe('answered');
    // The folder is repaired: the next retry opens it and questions are logged to the file again.
    rmSync(dataDir);
    mkdirSync(dataDir);
    health.retry(dataDir, (db) => (built.service.log = new QuestionLog(db)), 50);
    await waitFor(async () => !health.inMemory, 3000);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toMatchObject({ status: 'ok', database: 'file', log: true });
    const id = (await app.inject({ method: 'POST', url: '/api/ask', payload: { question: '排污许可证有效期多久' } })).json().id;
    expect(built.service.log?.get(id)?.question).toBe('排污许可证有效期多久');
    await app.close();
  });

  it('a question-log write failure while running reports degraded, and the answer is still given', async () => {
    const health = new DataHealth();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pufa-ok-'));
    const built = await createServices(loadConfig({ KNOWLEDGE_DIR: FIXTURE_DIR, DATA_DIR: dataDir }), undefined, health);
    const app = await buildApp({ engine: built.engine, service: built.service, rateLimitPerMinute: 0, dataStatus: () => health.status() });
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json().status).toBe('ok');
    built.db.close(); // every write now fails
    const r = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: '排污许可证有效期多久' } });
    expect(r.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toMatchObject({ status: 'degraded', log: false });
    await app.close();
  });
});
