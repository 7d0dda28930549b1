/**
 * Everything the outreach routes need (issue 7), built once at start-up: events from knowledge/events plus
 * the staff's `events` table, the quiz questions from knowledge/quiz, and the quiz results store. An
 * invalid event or quiz file stops start-up with every problem listed, like the knowledge tree.
 */
import type { Source } from '../knowledge/schema.js';
import { KnowledgeError } from '../knowledge/problem.js';
import { hasErrors } from '../knowledge/load.js';
import type { Problem } from '../knowledge/problem.js';
import type { Db } from '../store/database.js';
import { loadQuiz } from '../quiz/load.js';
import { QuizResults } from '../quiz/results.js';
import type { QuizQuestion } from '../quiz/schema.js';
import { loadEvents } from './load.js';
import { EventRegistry } from './registry.js';

/** What `buildApp` needs to serve posters, leaflets and the quiz. */
export interface OutreachDeps {
  events: EventRegistry;
  questions: QuizQuestion[];
  /** Sources of sources.yaml (quiz citations). */
  sources: Map<string, Source>;
  /** Where quiz results go (default: none, results are only logged). */
  results?: QuizResults;
  /** Public base URL (PUBLIC_URL, default: each request's own host). */
  publicUrl?: string;
  /** Telegram bot username (TELEGRAM_BOT_USERNAME, default: none, no Telegram links). */
  telegramBotUsername?: string;
  /** Problems of the event and quiz files (only `review` ones: errors throw). */
  problems: Problem[];
}

/** Settings of {@link loadOutreach}. */
export interface OutreachSettings {
  knowledgeDir: string;
  sources: Map<string, Source>;
  /** Day deciding superseded citations, YYYY-MM-DD. */
  today: string;
  /** Database with the events and quiz_results tables (default: none: file events only, results not kept). */
  db?: Db;
  publicUrl?: string;
  telegramBotUsername?: string;
}

/** Loads events and quiz questions; throws {@link KnowledgeError} listing every error. */
export async function loadOutreach(s: OutreachSettings): Promise<OutreachDeps> {
  const ev = await loadEvents(s.knowledgeDir);
  const quiz = await loadQuiz(s.knowledgeDir, s.sources, s.today);
  const problems = [...ev.problems, ...quiz.problems];
  if (hasErrors(problems)) throw new KnowledgeError(problems.filter((p) => p.severity === 'error'));
  return {
    events: new EventRegistry(ev.events, s.db),
    questions: quiz.questions,
    sources: s.sources,
    results: s.db ? new QuizResults(s.db) : undefined,
    publicUrl: s.publicUrl,
    telegramBotUsername: s.telegramBotUsername,
    problems,
  };
}
