/** Test helper: the fixture knowledge plus entries on which follow-ups can be told apart (环评 deadlines and fines). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURE_DIR, fixtureCopy } from '../helpers/fixture.js';

const entry = (id: string, topic: string, title: string, questions: string[], answer: string) =>
  [
    `id: ${id}`,
    'kind: faq',
    `topic: ${topic}`,
    `title: ${title}`,
    `questions: [${questions.join(', ')}]`,
    'keywords: []',
    `answer: ${answer}`,
    'basis:',
    '  - {source: reg-a, article: 第一条}',
    'related: []',
    'status: published',
    'updated: 2026-01-01',
    '',
  ].join('\n');

/** Entries written for the conversation tests (ids → what distinguishes them). */
export const CONVERSATION_FILES: Record<string, string> = {
  'faq/eia-deadline.yaml': entry(
    'eia-deadline',
    'eia',
    '环评报告书报告表审批要多久',
    ['环评报告书审批要多久', '环评报告表审批要多久', '环评批复要等几天'],
    '报告书自受理之日起60日内作出审批决定，报告表30日内。',
  ),
  'faq/eia-penalty.yaml': entry(
    'eia-penalty',
    'eia',
    '环评未批先建怎么处罚',
    ['未批先建罚多少', '报告书未批先建罚款', '报告表未批先建罚款'],
    '报告书项目未批先建处20万元以上100万元以下罚款；报告表项目处10万元以上50万元以下罚款。',
  ),
  'faq/permit-penalty.yaml': entry(
    'permit-penalty',
    'permit',
    '无排污许可证排污怎么处罚',
    ['没有排污许可证罚多少钱', '无证排污罚款'],
    '无证排污的，责令改正或者限制生产、停产整治，处20万元以上100万元以下罚款。',
  ),
};

/** The fixture lexicon plus the colloquial 罚多少钱 → 罚款 of the real one. */
const SYNONYMS = readFileSync(path.join(FIXTURE_DIR, 'synonyms.yaml'), 'utf8').replace('synonyms:\n', 'synonyms:\n  罚款: [罚多少钱, 罚多少]\n');

/** A copy of the fixture tree with {@link CONVERSATION_FILES}. */
export function conversationKnowledge() {
  return fixtureCopy({ ...CONVERSATION_FILES, 'synonyms.yaml': SYNONYMS });
}
