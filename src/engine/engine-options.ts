/** Options of the answer engine and their defaults. */
import type { Entry } from '../knowledge/schema.js';
import { todayInChina } from '../knowledge/validity.js';
import type { AnalyzerOptions } from '../search/analyzer.js';
import { DEFAULT_BOOSTS, type FieldBoosts } from '../search/knowledge-index.js';
import type { Contacts } from './compose.js';
import type { ConversationStore } from './conversation.js';
import { DEFAULT_DECISION, type DecisionOptions } from './decide.js';
import type { Understood } from './understand.js';

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
   * The general guide for residents' complaints, answered when a complaint story (src/engine/complaint-story.ts)
   * matches no entry (default: complaint-general-guide; an id not in the knowledge turns it off).
   */
  complaintGuideEntryId: string;
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
  /**
   * Called with how each question searched by the entries was understood, before the reply is built (default: none;
   * the benchmarks use it to study the decision's features).
   */
  onUnderstood?: (understood: Understood, normalized: string) => void;
}

/** Default engine options. */
export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  analyzer: {},
  boosts: DEFAULT_BOOSTS,
  decision: DEFAULT_DECISION,
  contacts: { bureauName: '魏都区生态环境局', phone: '', hours: '' },
  remedyEntryId: 'penalty-what-to-do',
  complaintGuideEntryId: 'complaint-general-guide',
  kindPrior: { case: 0.8, report: 0.85 },
  indexAnswers: false,
  today: () => todayInChina(),
  recordedReview: () => undefined,
};
