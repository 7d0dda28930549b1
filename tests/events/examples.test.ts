import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/runtime.js';
import { loadEvents } from '../../src/events/load.js';
import { KNOWLEDGE_DIR } from '../helpers/fixture.js';
import { buildApp } from '../../src/server/app.js';
import { loadOutreach } from '../../src/events/setup.js';

describe('event example questions', () => {
  it('every example printed on an event poster is answered by a published entry, and the 送法入企 poster asks about 危废', async () => {
    const { engine, knowledge } = await createEngine({ knowledgeDir: KNOWLEDGE_DIR, bureauName: '魏都区生态环境局', bureauPhone: '', bureauHours: '' });
    const { events } = await loadEvents(KNOWLEDGE_DIR);
    const withExamples = events.filter((e) => e.examples?.length);
    expect(withExamples.length).toBeGreaterThan(0);
    for (const e of withExamples) for (const q of e.examples!) expect(engine.ask(q).status, `${e.code}: ${q}`).toBe('answered');
    const outreach = await loadOutreach({ knowledgeDir: KNOWLEDGE_DIR, sources: knowledge.sources, today: engine.options.today() });
    const app = await buildApp({ engine, outreach });
    const poster = (await app.inject({ method: 'GET', url: '/events/songfa-2026-12' })).body;
    expect(poster).toContain('危废台账不全会怎么罚？');
    await app.close();
  });
});
