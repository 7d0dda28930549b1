/** Building the engine's replies: an answer from an entry, small talk, and the fallback. */
import type { Entry, Source } from '../knowledge/schema.js';
import type { LawLibrary } from '../law/library.js';
import type { Elsewhere } from '../search/lexicon.js';
import { answerText, citeBasis, contactLines, LEGAL_NOTICE, type Contacts } from './compose.js';
import type { Scored } from './decide.js';
import type { EntryRegistry } from './entry-registry.js';
import type { smalltalkKind } from './intents.js';
import type { EntryRef, Reply } from './reply.js';
import { withAlsoNote } from './understand.js';

/** Example questions offered in small talk and welcomes. */
const EXAMPLES = ['排污许可证有效期多久？', '未批先建会怎么处罚？', '环保投诉电话是多少？'];

/** What an answer reply is built from. */
export interface AnswerContext {
  /** The served entries. */
  entries: EntryRegistry;
  /** The sources register. */
  sources: Map<string, Source>;
  /** The shipped law texts. */
  laws: LawLibrary;
  /** Entry explaining remedies after a penalty, appended to own-case answers. */
  remedyEntryId: string;
  /** Who approved an entry and when, only when a staff approval recorded it. */
  recordedReview: (entry: Entry) => { by: string; at: string } | undefined;
}

/**
 * The reply when `entry` answers on `day`: today's citations, the notice, related questions, and the entries a
 * two-part message also asked about (`also`). `ownCase` adds the general-rules note and the remedies.
 */
export function answeredReply(ctx: AnswerContext, entry: Entry, day: string, best: Scored | undefined, ownCase = false, also: string[] = []): Reply {
  const cited = citeBasis(entry, ctx.sources, day, ctx.laws);
  const alsoRefs = also.filter((id) => id !== entry.id && ctx.entries.live(id, day)).map((id) => ctx.entries.ref(id));
  let extra: string | undefined;
  if (ownCase && entry.id !== ctx.remedyEntryId) {
    const remedy = ctx.entries.live(ctx.remedyEntryId, day);
    extra = `本助手只能介绍一般规定，不能判断您的具体案件是否合理或合法。${remedy ? `\n\n${remedy.answer.trim()}` : ''}`;
  }
  return {
    status: 'answered',
    text: withAlsoNote(
      answerText(entry, cited, extra),
      alsoRefs.map((r) => r.title),
      LEGAL_NOTICE,
    ),
    entry: {
      id: entry.id,
      title: entry.title,
      topic: entry.topic,
      basis: cited.basis,
      ...withReview(ctx.recordedReview(entry)),
      ...(entry.checked ? { checked: entry.checked } : {}),
      ...(cited.superseded ? { needsReview: true } : {}),
    },
    alternatives: [...alsoRefs, ...entry.related.filter((id) => !also.includes(id) && ctx.entries.live(id, day)).map((id) => ctx.entries.ref(id))],
    ...(best ? { score: round(best.confidence) } : {}),
  };
}

/** The small-talk reply (greeting, thanks, goodbye) with example questions. */
export function smalltalkReply(kind: ReturnType<typeof smalltalkKind>, contacts: Contacts): Reply {
  const name = contacts.bureauName;
  const intro =
    kind === 'thanks'
      ? '不客气！还有其他生态环境法律问题，随时问我。'
      : kind === 'bye'
        ? '再见！有生态环境法律问题随时来问。'
        : `您好！我是${name}的环保普法助手，可以解答排污许可、排放标准、环评与验收、执法检查与处罚、投诉举报与信访、危险废物、噪声、环保税等方面的法律问题，并给出法律依据。`;
  const text = `${intro}\n\n您可以这样问：\n${EXAMPLES.map((q) => `· ${q}`).join('\n')}\n\n${LEGAL_NOTICE}`;
  return { status: 'smalltalk', text, alternatives: [] };
}

/**
 * The fallback: another department's matter (`redirect`), or nothing reliable in the knowledge; entries `near` the
 * question are suggested (at most three, as `alternatives`), never for another department's matter.
 */
export function fallbackReply(contacts: Contacts, redirect?: Elsewhere, best?: Scored, near: EntryRef[] = []): Reply {
  const suggested = redirect ? [] : near.slice(0, 3);
  const lines = redirect
    ? [
        `这个问题看起来属于${redirect.department}的职责范围，不在生态环境法律知识库内，我无法给出可靠答复。`,
        `建议咨询：${redirect.contact}。`,
        '如有生态环境方面的问题，欢迎继续问我。',
      ]
    : suggested.length
      ? [
          '抱歉，这个问题我的知识库里还没有收录确切的答复。您是不是想问：',
          ...suggested.map((a, i) => `${i + 1}. ${a.title}`),
          '请点选或回复序号。都不是的话，您可以：',
          ...contactLines(contacts),
          '也可以换个说法再问。',
        ]
      : [
          '抱歉，这个问题我的知识库里还没有收录，无法给出可靠答复。您可以：',
          ...contactLines(contacts),
          '您也可以换个说法，或问得具体一些（例如写明“排污许可证”“环评”“噪声”等关键词）。',
        ];
  return { status: 'fallback', text: lines.join('\n'), alternatives: suggested, ...(best ? { score: round(best.confidence) } : {}) };
}

/** The reply to a follow-up that has nothing before it (「那罚多少钱」 as a first message): ask for the matter. */
export function noContextReply(): Reply {
  const text = [
    '您这句话像是接着前面的问题问的，但我还不知道您说的是哪件事。',
    '请把事情说完整再问一次，例如“没办排污许可证就排污，罚多少钱”“环评报告表审批要多久”。',
  ].join('\n');
  return { status: 'fallback', text, alternatives: [] };
}

/** A score rounded to three decimals, as replies carry it. */
export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function withReview(review: { by: string; at: string } | undefined): { reviewed?: { by: string; at: string } } {
  return review ? { reviewed: review } : {};
}
