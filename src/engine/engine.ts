/**
 * The answer engine: every channel turns a question into a call to {@link AnswerEngine.ask} and the
 * reply into its own format. Answers come only from published entries.
 */
import type { Entry, Source } from '../knowledge/schema.js';
import type { Knowledge } from '../knowledge/load.js';
import { todayInChina } from '../knowledge/validity.js';
import { Analyzer, type AnalyzerOptions } from '../search/analyzer.js';
import { DEFAULT_BOOSTS, KnowledgeIndex, type FieldBoosts } from '../search/knowledge-index.js';
import type { Elsewhere } from '../search/lexicon.js';
import { foldText } from '../search/normalize.js';
import { answerText, citeBasis, contactLines, LEGAL_NOTICE, type Contacts } from './compose.js';
import { contactReply } from './contact-reply.js';
import { decide, DEFAULT_DECISION, type DecisionOptions, type Scored } from './decide.js';
import { asksAboutBureau, asksForPerson, asksOwnCaseJudgement, choiceNumber, smalltalkKind, wantsCase, withoutJudgement } from './intents.js';
import type { EntryRef, Reply } from './reply.js';
import { lookUpArticle } from './article-lookup.js';
import { CODE_SOURCE, LawLibrary } from '../law/library.js';
import { ArticleSearch } from '../law/article-search.js';
import type { LawArticle } from '../law/types.js';
import { MemoryConversationStore, type ConversationStore } from './conversation.js';
import { understand, withAlsoNote } from './understand.js';

/** Options of the engine; every field has a default. */
export interface EngineOptions {
  /** Analyzer steps (default: all on, CJK bigrams). */
  analyzer: Partial<AnalyzerOptions>;
  /** Field boosts (default: questions 3, title 3, keywords 2, answer 1). */
  boosts: FieldBoosts;
  /** Decision thresholds (default: {@link DEFAULT_DECISION}). */
  decision: DecisionOptions;
  /** Contacts shown in fallbacks (default: the bureau without a phone number). */
  contacts: Contacts;
  /** Entry explaining remedies after a penalty, appended to own-case questions (default: penalty-what-to-do). */
  remedyEntryId: string;
  /**
   * Weights of entry kinds in ranking (default: case 0.8, report 0.85). A case weighs fully when the question
   * asks for an example, a report when it asks about the bureau.
   */
  kindPrior: Partial<Record<Entry['kind'], number>>;
  /**
   * Whether answer texts are searched by MiniSearch, not only used for coverage (default: false: as good on the
   * eval sets and 2× faster to index; see BENCHMARKS.md).
   */
  indexAnswers: boolean;
  /** Clock for validity of citations (default: today in China). */
  today: () => string;
  /**
   * Where conversations are remembered between questions (clarify options, the context of follow-ups); default:
   * a new in-memory store per engine. The server passes the SQLite store (src/store/conversation-store.ts).
   */
  conversations?: ConversationStore;
  /**
   * Who approved an entry and when, only when a staff approval recorded it (default: nobody, so no reply
   * claims a 法制审核; the staff side installs the audit-log check, see src/admin/recorded-review.ts).
   */
  recordedReview: (entry: Entry) => { by: string; at: string } | undefined;
}

/** Default engine options. */
export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  analyzer: {},
  boosts: DEFAULT_BOOSTS,
  decision: DEFAULT_DECISION,
  contacts: { bureauName: '魏都区生态环境局', phone: '', hours: '' },
  remedyEntryId: 'penalty-what-to-do',
  kindPrior: { case: 0.8, report: 0.85 },
  indexAnswers: false,
  today: () => todayInChina(),
  recordedReview: () => undefined,
};

/** Example questions offered in small talk and welcomes. */
const EXAMPLES = ['排污许可证有效期多久？', '未批先建会怎么处罚？', '环保投诉电话是多少？'];

/** Answers questions from the published entries of a knowledge tree. */
export class AnswerEngine {
  readonly options: EngineOptions;
  private index: KnowledgeIndex;
  private entries = new Map<string, Entry>();
  private sources: Map<string, Source>;
  /** The shipped law texts (article lookup); empty for a tree without knowledge/law-text. */
  private laws: LawLibrary;
  private articleSearch?: ArticleSearch;
  private articleSearchAnalyzer?: Analyzer;
  /** Other departments' matters, their terms folded once (not on every question). */
  private elsewhere: Elsewhere[];
  private readonly conversations: ConversationStore;

  constructor(knowledge: Knowledge, options: Partial<EngineOptions> = {}) {
    this.options = { ...DEFAULT_ENGINE_OPTIONS, ...options };
    this.conversations = options.conversations ?? new MemoryConversationStore();
    this.sources = knowledge.sources;
    this.laws = knowledge.laws ?? LawLibrary.empty();
    this.elsewhere = foldElsewhere(knowledge.lexicon.elsewhere);
    this.index = this.build(knowledge);
  }

  /** The shipped law texts (the 生态环境法典) and the map of repealed laws' articles. */
  lawLibrary(): LawLibrary {
    return this.laws;
  }

  /** Number of published entries indexed (some may be outside their validity window today). */
  get size(): number {
    return this.index.size;
  }

  /** A published entry by id, when it is valid today (valid_from / valid_until). */
  entry(id: string): Entry | undefined {
    return this.live(id, this.options.today());
  }

  /** All published entries valid today. */
  published(): Entry[] {
    const day = this.options.today();
    return [...this.entries.values()].filter((e) => validOn(e, day));
  }

  /**
   * The entry when it is served on `day`. Every published entry is indexed; its validity window is checked
   * when it is asked for, so an entry starts and stops answering on its dates without a reload.
   */
  private live(id: string, day: string): Entry | undefined {
    const e = this.entries.get(id);
    return e && validOn(e, day) ? e : undefined;
  }

  /** The sources register. */
  sourceMap(): Map<string, Source> {
    return this.sources;
  }

  /** The analyzer of the current index (normalisation and tokens). */
  get analyzer(): Analyzer {
    return this.index.analyzer;
  }

  /** The normalised form of a question (folded, fillers removed, synonyms rewritten). */
  normalize(question: string): string {
    return this.index.analyzer.normalize(question);
  }

  /** Title suggestions for type-ahead. */
  suggest(prefix: string, limit = 8): EntryRef[] {
    const refs: EntryRef[] = [];
    const tokens = this.index.analyzer.tokenize(prefix);
    if (!tokens.length) return refs;
    for (const c of this.index.candidates(tokens, limit)) {
      const e = this.entry(c.id);
      if (e) refs.push({ id: e.id, title: e.title });
    }
    return refs;
  }

  /**
   * Serves a new or changed entry at once (MiniSearch replace): the next question sees it. An entry that is
   * not published is removed from what is served.
   */
  upsertEntry(entry: Entry): void {
    if (entry.status !== 'published') return this.removeEntry(entry.id);
    this.index.upsert(entry);
    this.entries.set(entry.id, entry);
  }

  /** Stops serving an entry (MiniSearch discard); no-op when it is not served. */
  removeEntry(id: string): void {
    this.index.remove(id);
    this.entries.delete(id);
  }

  /** Replaces the whole knowledge (index rebuilt, then swapped in one step). */
  reload(knowledge: Knowledge): void {
    const next = this.build(knowledge);
    this.sources = knowledge.sources;
    if (knowledge.laws) this.laws = knowledge.laws;
    this.elsewhere = foldElsewhere(knowledge.lexicon.elsewhere);
    this.index = next;
  }

  /**
   * Answers one question. `session` (any opaque id) names the conversation: a bare number picks an option of
   * the previous clarify reply, and a follow-up (「那报告表呢」) is read against the previous question. A long
   * message is read by its question clauses. Never throws for any input string.
   */
  ask(question: string, session?: string): Reply {
    // A question naming a law article (法典第一千零九十五条, 环评法第三十一条) is looked up in the law text.
    const deps = { laws: this.laws, sources: this.sources, formerly: (id: string) => this.entries.get(id)?.formerly, related: (q: string) => this.relatedArticles(q) };
    return lookUpArticle(question, this.options.today(), deps, () => this.askEntries(question, session));
  }

  /**
   * Code articles matching a question strongly (可能相关的法条), none for another department's matter; the search is
   * built on first use.
   */
  private relatedArticles(question: string): LawArticle[] {
    const code = this.laws.law(CODE_SOURCE);
    const folded = foldText(question);
    if (!code || this.elsewhere.some((e) => e.terms.some((t) => folded.includes(t)))) return [];
    const analyzer = this.index.analyzer;
    if (this.articleSearch?.law !== code || this.articleSearchAnalyzer !== analyzer) {
      this.articleSearch = new ArticleSearch(code, analyzer);
      this.articleSearchAnalyzer = analyzer;
    }
    return this.articleSearch.search(question);
  }

  /** The answer from the published entries. */
  private askEntries(question: string, session?: string): Reply {
    const folded = foldText(question);
    const day = this.options.today();
    const state = session ? this.conversations.get(session) : undefined;
    const pick = choiceNumber(folded);
    if (pick !== undefined && session && state?.offered) {
      const chosen = state.offered[pick - 1];
      const entry = chosen ? this.live(chosen, day) : undefined;
      if (entry) {
        this.conversations.set(session, { query: this.index.analyzer.normalize(entry.title), entryId: entry.id });
        return this.answered(entry, day, undefined, session);
      }
    }
    const small = smalltalkKind(folded);
    if (small) return this.smalltalk(small);
    if (asksForPerson(folded)) return contactReply(this.options.contacts);

    const analyzer = this.index.analyzer;
    const ownCase = asksOwnCaseJudgement(folded);
    const normalized = analyzer.normalize(ownCase ? withoutJudgement(folded) : question);
    // Cases illustrate a rule and reports describe the bureau: unless the question asks for an example
    // or about the bureau, the rule itself ranks first.
    const prior = {
      ...this.options.kindPrior,
      ...(wantsCase(folded) ? { case: 1 } : {}),
      ...(asksAboutBureau(folded) ? { report: 1 } : {}),
    };
    const weigh = (id: string) => {
      const entry = this.live(id, day);
      // An entry outside its validity window today is never chosen.
      if (!entry) return 0;
      return prior[entry.kind] ?? 1;
    };
    const d = this.options.decision;
    const understood = understand({
      folded: ownCase ? withoutJudgement(folded) : folded,
      normalized,
      previous: state?.query,
      search: (text, focus, favour) =>
        decide(this.index, text, analyzer.tokensOf(text), d, favour?.size ? (id) => weigh(id) * (favour.has(id) ? d.nearBoost : 1) : weigh, focus),
      near: state?.entryId ? [state.entryId, ...(this.entries.get(state.entryId)?.related ?? [])] : [],
      tokens: (text) => analyzer.tokensOf(text),
      normalize: (text) => analyzer.normalize(text),
      hasTerm: (text) => analyzer.namesTerm(text),
      offerAt: { coverage: d.minCoverage, confidence: d.minConfidence * 0.8 },
      clauses: d.readClauses,
    });
    const decision = understood.decision;
    const redirect = this.elsewhere.find((e) => e.terms.some((t) => folded.includes(t)));

    if (redirect && (decision.kind !== 'answer' || decision.best.coverage < 0.999)) {
      return this.fallback(redirect);
    }
    if (decision.kind === 'answer') {
      const entry = this.entries.get(decision.best.id)!;
      if (session) this.conversations.set(session, { query: understood.query, entryId: entry.id });
      const reply = this.answered(entry, day, decision.best, session, ownCase, understood.also);
      // The runner-ups, for 「不是这个问题」: candidates that cover enough of the question.
      const next = decision.ranked.slice(1).filter((r) => r.coverage >= d.minCoverage && this.live(r.id, day));
      return { ...reply, candidates: next.slice(0, 3).map((r) => this.ref(r.id)) };
    }
    if (decision.kind === 'clarify') {
      const alternatives = decision.ranked.map((r) => this.ref(r.id));
      if (session) this.conversations.set(session, { offered: alternatives.map((a) => a.id), query: understood.query });
      const text = ['您想问的是下面哪一个问题？', ...alternatives.map((a, i) => `${i + 1}. ${a.title}`), '请点选或回复序号；也可以换个说法再问。'].join('\n');
      return { status: 'clarify', text, alternatives, score: round(decision.ranked[0].confidence) };
    }
    const remedy = ownCase ? this.live(this.options.remedyEntryId, day) : undefined;
    if (remedy) {
      return this.answered(remedy, day, undefined, session, true);
    }
    if (session && state?.offered) this.conversations.set(session, { query: state.query, entryId: state.entryId });
    return this.fallback(undefined, decision.ranked[0]);
  }

  /** Installs the check of recorded approvals (the staff side calls this once its audit log is open). */
  verifyReviewsWith(check: EngineOptions['recordedReview']): void {
    this.options.recordedReview = check;
  }

  /**
   * The reply the public gets when `entry` answers (today's citations, notices and related questions); for a
   * draft, what it will read like once published. The staff console shows entries through this.
   */
  replyFor(entry: Entry): Reply {
    return this.answered(entry, this.options.today(), undefined);
  }

  private answered(entry: Entry, day: string, best: Scored | undefined, session?: string, ownCase = false, also: string[] = []): Reply {
    const cited = citeBasis(entry, this.sources, day, this.laws);
    const alsoRefs = also.filter((id) => id !== entry.id && this.live(id, day)).map((id) => this.ref(id));
    let extra: string | undefined;
    if (ownCase && entry.id !== this.options.remedyEntryId) {
      const remedy = this.live(this.options.remedyEntryId, day);
      extra = `本助手只能介绍一般规定，不能判断您的具体案件是否合理或合法。${remedy ? `\n\n${remedy.answer.trim()}` : ''}`;
    }
    return {
      status: 'answered',
      text: withAlsoNote(answerText(entry, cited, extra), alsoRefs.map((r) => r.title), LEGAL_NOTICE),
      entry: {
        id: entry.id,
        title: entry.title,
        topic: entry.topic,
        basis: cited.basis,
        ...withReview(this.options.recordedReview(entry)),
        ...(entry.checked ? { checked: entry.checked } : {}),
        ...(cited.superseded ? { needsReview: true } : {}),
      },
      alternatives: [...alsoRefs, ...entry.related.filter((id) => !also.includes(id) && this.live(id, day)).map((id) => this.ref(id))],
      ...(best ? { score: round(best.confidence) } : {}),
    };
  }

  private smalltalk(kind: ReturnType<typeof smalltalkKind>): Reply {
    const name = this.options.contacts.bureauName;
    const intro =
      kind === 'thanks'
        ? '不客气！还有其他生态环境法律问题，随时问我。'
        : kind === 'bye'
          ? '再见！有生态环境法律问题随时来问。'
          : `您好！我是${name}的环保普法助手，可以解答排污许可、排放标准、环评与验收、执法检查与处罚、投诉举报与信访、危险废物、噪声、环保税等方面的法律问题，并给出法律依据。`;
    const text = `${intro}\n\n您可以这样问：\n${EXAMPLES.map((q) => `· ${q}`).join('\n')}\n\n${LEGAL_NOTICE}`;
    return { status: 'smalltalk', text, alternatives: [] };
  }

  private fallback(redirect?: Elsewhere, best?: Scored): Reply {
    const lines = redirect
      ? [
          `这个问题看起来属于${redirect.department}的职责范围，不在生态环境法律知识库内，我无法给出可靠答复。`,
          `建议咨询：${redirect.contact}。`,
          '如有生态环境方面的问题，欢迎继续问我。',
        ]
      : ['抱歉，这个问题我的知识库里还没有收录，无法给出可靠答复。您可以：', ...contactLines(this.options.contacts), '您也可以换个说法，或问得具体一些（例如写明“排污许可证”“环评”“噪声”等关键词）。'];
    return { status: 'fallback', text: lines.join('\n'), alternatives: [], ...(best ? { score: round(best.confidence) } : {}) };
  }

  private ref(id: string): EntryRef {
    const e = this.entries.get(id)!;
    return { id: e.id, title: e.title };
  }

  private build(knowledge: Knowledge): KnowledgeIndex {
    const analyzer = new Analyzer(knowledge.lexicon, this.options.analyzer);
    const index = new KnowledgeIndex(analyzer, this.options.boosts, 12, this.options.indexAnswers);
    const published = knowledge.entries.filter((e) => e.status === 'published');
    index.addAll(published);
    this.entries = new Map(published.map((e) => [e.id, e]));
    return index;
  }
}

function withReview(review: { by: string; at: string } | undefined): { reviewed?: { by: string; at: string } } {
  return review ? { reviewed: review } : {};
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Whether an entry's validity window (valid_from / valid_until, inclusive) contains `day`. */
function validOn(e: Entry, day: string): boolean {
  return (!e.valid_from || e.valid_from <= day) && (!e.valid_until || e.valid_until >= day);
}

/** The lexicon's other-department terms in folded form, for matching folded questions. */
function foldElsewhere(list: readonly Elsewhere[]): Elsewhere[] {
  return list.map((e) => ({ ...e, terms: e.terms.map(foldText).filter(Boolean) }));
}
