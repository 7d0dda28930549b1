/**
 * Acceptance checks of issue 10 on the real knowledge: the entries teach the 生态环境法典 in force. Every cited
 * Code article exists; every 「」 quotation in an answer is verbatim Code text; nothing published rests on a
 * repealed law; penalty entries stating fines or detention under the Code state the transition (第一千零五十七条).
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { outOfForce, todayInChina, validityOn } from '../../src/knowledge/validity.js';
import { loadQuiz } from '../../src/quiz/load.js';
import { leadingArticleNumber } from '../../src/law/old-articles.js';
import { loadHotQuestions } from '../../src/knowledge/hot-questions.js';
import { AnswerEngine } from '../../src/engine/engine.js';
import { checkHotQuestions } from '../../src/engine/hot-questions-check.js';
import { KNOWLEDGE_DIR } from '../helpers/fixture.js';

/** The day of the checks: the Code is in force (fixed, so the result does not depend on the clock). */
const DAY = '2026-12-01';

describe('the knowledge conforms to the 生态环境法典', async () => {
  const k = await loadKnowledge(KNOWLEDGE_DIR, DAY, { outOfForce: 'review' });
  const code = k.laws!.law('eco-code')!;
  const published = k.entries.filter((e) => e.status === 'published');
  const quiz = await loadQuiz(KNOWLEDGE_DIR, k.sources, DAY, { outOfForce: 'review' });
  const codeText = code.articles.map((a) => a.text).join('\n');
  const flatText = code.articles.map((a) => a.text.replace(/\n/g, '')).join('');
  const isPenaltyArticle = (n: number) => {
    const a = code.articles[n - 1];
    return !!a && a.part.startsWith('第五编') && !a.chapter.includes('附则');
  };

  it('is checked on a day the Code is in force', () => {
    expect(validityOn(k.sources.get('eco-code')!, DAY, (id) => k.sources.get(id)).status).toBe('in_force');
    expect(DAY <= todayInChina()).toBe(true);
  });

  it('cites only Code articles that exist (entries and quiz)', () => {
    const missing: string[] = [];
    for (const e of k.entries) {
      for (const b of e.basis) {
        if (b.source !== 'eco-code') continue;
        const n = leadingArticleNumber(b.article);
        if (b.article !== '全文' && (!n || !code.articles[n - 1])) missing.push(`${e.id}: ${b.article}`);
      }
    }
    for (const q of quiz.questions) {
      const n = leadingArticleNumber(q.basis.article);
      if (q.basis.source === 'eco-code' && (!n || !code.articles[n - 1])) missing.push(`quiz ${q.id}: ${q.basis.article}`);
    }
    expect(missing).toEqual([]);
  });

  it('quotes the Code verbatim in every 「」 of an answer', () => {
    const wrong: string[] = [];
    for (const e of published) {
      for (const m of e.answer.matchAll(/「([^」]+)」/g)) {
        const quote = m[1].trim();
        if (!codeText.includes(quote) && !flatText.includes(quote.replace(/\n/g, ''))) wrong.push(`${e.id}: 「${quote.slice(0, 40)}」`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no published entry or quiz question resting on a repealed law', () => {
    const onRepealed: string[] = [];
    for (const e of published) {
      for (const b of e.basis) {
        const s = k.sources.get(b.source);
        if (s && outOfForce(validityOn(s, DAY, (id) => k.sources.get(id)))) onRepealed.push(`${e.id}: ${b.source} ${b.article}`);
      }
    }
    for (const q of quiz.questions) {
      const s = k.sources.get(q.basis.source);
      if (s && outOfForce(validityOn(s, DAY, (id) => k.sources.get(id)))) onRepealed.push(`quiz ${q.id}: ${q.basis.source}`);
    }
    expect(onRepealed).toEqual([]);
  });

  it('has no hot question answered by an entry on a repealed law', async () => {
    const hot = await loadHotQuestions(KNOWLEDGE_DIR);
    const engine = new AnswerEngine(k, { today: () => DAY });
    expect(checkHotQuestions(engine, hot.questions ?? [], 'error').map((p) => p.message)).toEqual([]);
  });

  it('states the transition (第一千零五十七条) in every penalty entry that gives a fine or detention under the Code', () => {
    const lacking: string[] = [];
    for (const e of published) {
      const penaltyBasis = e.basis.some(
        (b) => b.source === 'eco-code' && isPenaltyArticle(leadingArticleNumber(b.article) ?? 0) && leadingArticleNumber(b.article) !== 1057,
      );
      if (!penaltyBasis || !/(罚款|元以上|万元|拘留)/.test(e.answer)) continue;
      const inText = e.answer.includes('第一千零五十七条');
      const inBasis = e.basis.some((b) => b.source === 'eco-code' && leadingArticleNumber(b.article) === 1057);
      if (!inText || !inBasis) lacking.push(`${e.id}${inText ? '' : ' (answer)'}${inBasis ? '' : ' (basis)'}`);
    }
    expect(lacking).toEqual([]);
  });
});
