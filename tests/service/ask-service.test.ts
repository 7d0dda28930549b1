import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { AnswerEngine } from '../../src/engine/engine.js';
import { AskService } from '../../src/service/ask-service.js';
import { openDatabase } from '../../src/store/database.js';
import { QuestionLog } from '../../src/store/question-log.js';
import { FIXTURE_DIR } from '../helpers/fixture.js';

describe('AskService', () => {
  it('answers, logs the question with channel, event and normalised form, and takes feedback', async () => {
    const engine = new AnswerEngine(await loadKnowledge(FIXTURE_DIR, '2026-06-01'));
    const log = new QuestionLog(openDatabase(':memory:'));
    const service = new AskService(engine, log);
    const r = service.ask({ question: '请问排污证有效期多久', channel: 'telegram', session: 'chat-1', event: 'day65' });
    expect(r.status).toBe('answered');
    expect(r.id).toBeTypeOf('number');
    expect(log.get(r.id!)).toMatchObject({
      channel: 'telegram',
      event: 'day65',
      normalized: '排污许可证有效期多久',
      entry_id: 'permit-validity',
      topic: 'permit',
    });
    expect(service.feedback(r.id!, true)).toBe(true);
    expect(log.get(r.id!)!.feedback).toBe(1);
  });

  it('still answers without a log', async () => {
    const engine = new AnswerEngine(await loadKnowledge(FIXTURE_DIR, '2026-06-01'));
    const r = new AskService(engine).ask({ question: '你好', channel: 'api' });
    expect(r.status).toBe('smalltalk');
    expect(r.id).toBeUndefined();
  });
});

describe('AskService when the log fails', () => {
  it('still answers and reports the failure', async () => {
    const engine = new AnswerEngine(await loadKnowledge(FIXTURE_DIR, '2026-06-01'));
    const db = openDatabase(':memory:');
    const log = new QuestionLog(db);
    const errors: unknown[] = [];
    const service = new AskService(engine, log, (e) => errors.push(e));
    db.close();
    const r = service.ask({ question: '排污证有效期多久', channel: 'api' });
    expect(r.status).toBe('answered');
    expect(r.id).toBeUndefined();
    expect(errors).toHaveLength(1);
  });
});
