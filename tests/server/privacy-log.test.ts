/** No personal data in the application log, and the pseudonyms' salt outside the database (issue 13, D8). */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/engine/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildApp } from '../../src/server/app.js';
import { privacySerializers } from '../../src/server/request-log.js';
import { AskService } from '../../src/service/ask-service.js';
import { openDatabase } from '../../src/store/database.js';
import { QuestionLog } from '../../src/store/question-log.js';
import { USER_SALT_FILE } from '../../src/store/user-salt.js';
import { FIXTURE_DIR } from '../helpers/fixture.js';

describe('privacy of the application log', () => {
  it('logs no address, query string, session id or question text', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info', serializers: privacySerializers }, { write: (l: string) => lines.push(l) });
    const engine = new AnswerEngine(await loadKnowledge(FIXTURE_DIR, '2026-06-01'), { today: () => '2026-06-01' });
    const log = new QuestionLog(openDatabase(':memory:'));
    const app = await buildApp({ engine, service: new AskService(engine, log), logger, rateLimitPerMinute: 5 });
    const question = '我是张三 13800000000 排污许可证有效期多久';
    const remoteAddress = '198.51.100.23';
    await app.inject({ method: 'GET', url: `/?q=${encodeURIComponent(question)}`, remoteAddress });
    await app.inject({ method: 'GET', url: `/api/suggest?q=${encodeURIComponent('张三13800000000')}`, remoteAddress });
    const asked = await app.inject({ method: 'POST', url: '/api/ask', remoteAddress, payload: { question, session: 'sess-secret-42' } });
    await app.inject({
      method: 'POST',
      url: '/api/feedback',
      remoteAddress,
      payload: { session: 'sess-secret-42', entryId: 'permit-validity', question, helpful: true, id: asked.json().id },
    });
    for (let i = 0; i < 6; i++) await app.inject({ method: 'POST', url: '/api/ask', remoteAddress, payload: { question, session: 'sess-secret-42' } }); // a 429 too
    await app.close();
    const text = lines.join('');
    expect(lines.length).toBeGreaterThan(5);
    for (const secret of ['13800000000', '张三', 'sess-secret-42', remoteAddress, '?q=', 'remoteAddress']) expect(text, secret).not.toContain(secret);
    expect(text).toContain('"route":"/api/ask"');
  });

  it('keeps the salt of user hashes in DATA_DIR/user-hash.key (0600), not in the database', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pufa-salt-'));
    const db = openDatabase(path.join(dir, 'pufa.db'));
    // An older database kept its salt in meta: it is moved out, so existing hashes stay comparable.
    db.prepare("INSERT INTO meta (key, value) VALUES ('user_salt', 'legacy-salt')").run();
    const log = new QuestionLog(db);
    const hash = log.hashUser('u');
    expect(db.prepare("SELECT value FROM meta WHERE key = 'user_salt'").get()).toBeUndefined();
    const key = path.join(dir, USER_SALT_FILE);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    db.close();
    const again = new QuestionLog(openDatabase(path.join(dir, 'pufa.db')));
    expect(again.hashUser('u')).toBe(hash);
  });
});
