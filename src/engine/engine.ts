/**
 * The answer engine: every channel turns a question into a call to {@link AnswerEngine.ask} and the
 * reply into its own format. Answers come only from published entries. Options are in engine-options.ts, the
 * served entries in entry-registry.ts, the building of replies in replies.ts.
 */
import type { Entry, Source } from '../knowledge/schema.js';
import type { Knowledge } from '../knowledge/load.js';
import { Analyzer } from '../search/analyzer.js';
import { KnowledgeIndex } from '../search/knowledge-index.js';
import type { Elsewhere } from '../search/lexicon.js';
import { foldText } from '../search/normalize.js';
import { contactReply } from './contact-reply.js';
import { decide, type Scored } from './decide.js';
import { asksAboutBureau, asksForPerson, asksOwnCaseJudgement, choiceNumber, smalltalkKind, wantsCase, withoutJudgement } from './intents.js';
import type { EntryRef, Reply } from './reply.js';
import { lookUpArticle } from './article-lookup.js';
import { CODE_SOURCE, LawLibrary } from '../law/library.js';
import { ArticleSearch } from '../law/article-search.js';
import type { LawArticle } from '../law/types.js';
import { MemoryConversationStore, type ConversationStore } from './conversation.js';
import { understand } from './understand.js';
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from './engine-options.js';
import { EntryRegistry } from './entry-registry.js';
import { answeredReply, fallbackReply, noContextReply, round, smalltalkReply } from './replies.js';
import { domainTermsOf, redirectFinder, type RedirectFinder } from './redirect.js';
import { complaintStoryFinder, type ComplaintStoryFinder } from './complaint-story.js';
import { clashWeigher, facetReader } from './facets.js';

export { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from './engine-options.js';

/** Answers questions from the published entries of a knowledge tree. */
export class AnswerEngine {
  readonly options: EngineOptions;
  private index: KnowledgeIndex;
  private entries = new EntryRegistry();
  private sources: Map<string, Source>;
  /** The shipped law texts (article lookup); empty for a tree without knowledge/law-text. */
  private laws: LawLibrary;
  private articleSearch?: ArticleSearch;
  private articleSearchAnalyzer?: Analyzer;
  /** Finds another department's matter in a folded question (words inside our own longer terms ignored). */
  private findRedirect: RedirectFinder = () => undefined;
  private readonly conversations: ConversationStore;
  /** Whether a folded message is a resident's complaint story (answered with the general guide when unmatched). */
  private isComplaintStory: ComplaintStoryFinder = () => false;
  /** Each entry's confidence factor for a question whose facets its own clash with. */
  private clash: (folded: string, factor: number) => (id: string) => number = () => () => 1;

  constructor(knowledge: Knowledge, options: Partial<EngineOptions> = {}) {
    this.options = { ...DEFAULT_ENGINE_OPTIONS, ...options };
    this.conversations = options.conversations ?? new MemoryConversationStore();
    this.sources = knowledge.sources;
    this.laws = knowledge.laws ?? LawLibrary.empty();
    this.index = this.build(knowledge);
    this.readLexicon(knowledge);
  }

  /** The lexicon's readers that do not live in the index: other departments' matters, complaint stories, facets. */
  private readLexicon(knowledge: Knowledge): void {
    this.findRedirect = redirectFinder(knowledge.lexicon.elsewhere, domainTermsOf(knowledge));
    this.isComplaintStory = complaintStoryFinder(knowledge.lexicon.complaint);
    this.clash = clashWeigher(facetReader(knowledge.lexicon.facets), (id) => this.entries.get(id));
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
    return this.entries.liveOn(this.options.today());
  }

  /**
   * The entry when it is served on `day`. Every published entry is indexed; its validity window is checked
   * when it is asked for, so an entry starts and stops answering on its dates without a reload.
   */
  private live(id: string, day: string): Entry | undefined {
    return this.entries.live(id, day);
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
    if (entry.status !== 'published') {
      this.removeEntry(entry.id);
      return;
    }
    this.index.upsert(entry);
    this.entries.set(entry);
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
    this.readLexicon(knowledge);
    this.index = next;
  }

  /**
   * Answers one question. `session` (any opaque id) names the conversation: a bare number picks an option of
   * the previous clarify reply, and a follow-up (「那报告表呢」) is read against the previous question. A long
   * message is read by its question clauses. Never throws for any input string.
   */
  ask(question: string, session?: string): Reply {
    // A question naming a law article (法典第一千零九十五条, 环评法第三十一条) is looked up in the law text.
    const deps = {
      laws: this.laws,
      sources: this.sources,
      formerly: (id: string) => this.entries.get(id)?.formerly,
      related: (q: string) => this.relatedArticles(q),
    };
    return lookUpArticle(question, this.options.today(), deps, () => this.askEntries(question, session));
  }

  /**
   * Code articles matching a question strongly (可能相关的法条), none for another department's matter; the search is
   * built on first use.
   */
  private relatedArticles(question: string): LawArticle[] {
    const code = this.laws.law(CODE_SOURCE);
    const folded = foldText(question);
    if (!code || this.findRedirect(folded)) return [];
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
    if (small) return smalltalkReply(small, this.options.contacts);
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
    const clash = this.clash(folded, this.options.decision.clashFactor);
    const weigh = (id: string) => {
      const entry = this.live(id, day);
      // An entry outside its validity window today is never chosen.
      return entry ? (prior[entry.kind] ?? 1) * clash(id) : 0;
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
      // Close enough to offer in a clarify: the floor of a fallback's suggestions.
      offerAt: { coverage: d.minCoverage, confidence: d.minConfidence * d.suggestShare },
      clauses: d.readClauses,
    });
    this.options.onUnderstood?.(understood, normalized);
    const decision = understood.decision;
    // A complaint story is ours even when it names another department's word (a 食品公司's smoke); unanswered: the guide.
    const story = this.isComplaintStory(folded);
    const redirect = decision.kind === 'answer' && story ? undefined : this.findRedirect(folded);
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
    if (understood.via === 'no-context') return noContextReply();
    const remedy = ownCase ? this.live(this.options.remedyEntryId, day) : undefined;
    if (remedy) {
      return this.answered(remedy, day, undefined, session, true);
    }
    const guide = story ? this.live(this.options.complaintGuideEntryId, day) : undefined;
    if (guide) return this.answered(guide, day, undefined, session);
    // Entries close to the question are suggested (not answered); a bare number then picks one, as after a clarify.
    const near = decision.kind === 'none' ? (decision.near ?? []).filter((r) => this.live(r.id, day)).map((r) => this.ref(r.id)) : [];
    if (session && near.length) this.conversations.set(session, { offered: near.map((a) => a.id), query: understood.query });
    else if (session && state?.offered) this.conversations.set(session, { query: state.query, entryId: state.entryId });
    return this.fallback(undefined, decision.ranked[0], near);
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

  private answered(entry: Entry, day: string, best: Scored | undefined, _session?: string, ownCase = false, also: string[] = []): Reply {
    const { remedyEntryId, recordedReview } = this.options;
    return answeredReply({ entries: this.entries, sources: this.sources, laws: this.laws, remedyEntryId, recordedReview }, entry, day, best, ownCase, also);
  }

  private fallback(redirect?: Elsewhere, best?: Scored, near: EntryRef[] = []): Reply {
    return fallbackReply(this.options.contacts, redirect, best, near);
  }

  private ref(id: string): EntryRef {
    return this.entries.ref(id);
  }

  private build(knowledge: Knowledge): KnowledgeIndex {
    const analyzer = new Analyzer(knowledge.lexicon, this.options.analyzer);
    const index = new KnowledgeIndex(analyzer, this.options.boosts, 12, this.options.indexAnswers);
    const published = knowledge.entries.filter((e) => e.status === 'published');
    index.addAll(published);
    this.entries = new EntryRegistry(published);
    return index;
  }
}
