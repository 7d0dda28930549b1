import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { SqliteConversationStore } from '../../src/store/conversation-store.js';
import { loadConfig } from '../../src/config/config.js';
import { createServices } from '../../src/runtime.js';
import { buildApp } from '../../src/server/app.js';
import { conversationKnowledge } from '../engine/conversation-fixture.js';

describe('SqliteConversationStore', () => {
  it('keeps states by session, expires them and stores no raw session id', () => {
    let now = 5_000_000;
    const db = openDatabase(':memory:');
    const store = new SqliteConversationStore(db, { ttlMs: 1000, now: () => now, purgeEvery: 1 });
    store.set('secret-session', { query: '环境影响报告书 审批', entryId: 'e1' });
    store.set('other', { offered: ['a', 'b'] });
    expect(store.get('secret-session')).toEqual({ query: '环境影响报告书 审批', entryId: 'e1' });
    expect(store.get('other')).toEqual({ offered: ['a', 'b'] });
    expect(store.get('nobody')).toBeUndefined();
    const rows = db.prepare('SELECT session FROM conversations').all() as { session: string }[];
    expect(rows.map((r) => r.session).join()).not.toContain('secret');
    now += 1001;
    expect(store.get('secret-session')).toBeUndefined();
    store.set('late', {});
    expect((db.prepare('SELECT COUNT(*) AS n FROM conversations').get() as { n: number }).n).toBe(1); // expired rows purged
    store.delete('late');
    expect(store.get('late')).toBeUndefined();
  });

  it('two stores on one database file see the same conversations (two processes of one deployment)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pufa-conv-'));
    const a = openDatabase(path.join(dir, 'pufa.db'));
    const b = openDatabase(path.join(dir, 'pufa.db'));
    new SqliteConversationStore(a).set('s', { entryId: 'x' });
    expect(new SqliteConversationStore(b).get('s')).toEqual({ entryId: 'x' });
    a.close();
    b.close();
    await rm(dir, { recursive: true, force: true });
  });
});

describe('follow-up context across a server restart', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('a follow-up asked after the app is rebuilt on the same DATA_DIR is read against the question before', async () => {
    const kb = await conversationKnowledge();
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pufa-data-'));
    dirs.push(kb.dir, dataDir);
    const config = loadConfig({ KNOWLEDGE_DIR: kb.dir, DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0' });
    const start = async () => {
      const services = await createServices(config);
      const app = await buildApp({ engine: services.engine, service: services.service, rateLimitPerMinute: 0 });
      return {
        app,
        close: async () => {
          await app.close();
          services.db.close();
        },
      };
    };
    const ask = (app: Awaited<ReturnType<typeof start>>['app'], question: string, session: string) =>
      app.inject({ method: 'POST', url: '/api/ask', payload: { question, session } }).then((r) => r.json() as { status: string; entry?: { id: string } });

    const first = await start();
    expect((await ask(first.app, '环评报告书审批要多久', 'web-a')).entry?.id).toBe('eia-deadline');
    expect((await ask(first.app, '未批先建怎么处罚', 'web-b')).entry?.id).toBe('eia-penalty');
    await first.close();

    const second = await start();
    expect((await ask(second.app, '那报告表呢', 'web-a')).entry?.id).toBe('eia-deadline');
    expect((await ask(second.app, '那报告表呢', 'web-b')).entry?.id).toBe('eia-penalty');
    await second.close();
  });
});
