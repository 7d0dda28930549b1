/**
 * A quiz round independent of any channel: pick questions, ask them one after another, check answers and
 * keep the score. The Telegram /quiz feature and the web page use the same rules. A session's state is
 * plain data (`state`), so a bot can keep it in its session storage and resume it with {@link QuizSession.resume}.
 */
import type { QuizQuestion } from './schema.js';

/** Questions in one round (default count). */
export const QUIZ_ROUND_SIZE = 10;

/** Picks `count` questions (default: {@link QUIZ_ROUND_SIZE}) at random, spread over topics, without repeats. */
export function pickQuestions(all: readonly QuizQuestion[], count = QUIZ_ROUND_SIZE, random: () => number = Math.random): QuizQuestion[] {
  const byTopic = new Map<string, QuizQuestion[]>();
  for (const q of shuffle([...all], random)) byTopic.set(q.topic, [...(byTopic.get(q.topic) ?? []), q]);
  const lists = shuffle([...byTopic.values()], random);
  const picked: QuizQuestion[] = [];
  // Round-robin over topics: a round of 10 touches as many topics as possible.
  for (let round = 0; picked.length < count && lists.some((l) => l.length > round); round++) {
    for (const l of lists) if (picked.length < count && l[round]) picked.push(l[round]);
  }
  return picked;
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** The plain-data state of a session. */
export interface QuizState {
  /** Ids of the round's questions, in order. */
  ids: string[];
  /** Index of the next question to answer. */
  position: number;
  /** Right answers so far. */
  score: number;
}

/** The outcome of one answer. */
export interface QuizAnswerResult {
  correct: boolean;
  /** Index of the right option. */
  answer: number;
  /** The right option's text. */
  answerText: string;
  explanation: string;
  /** True when this was the last question. */
  finished: boolean;
}

/** One quiz round. */
export class QuizSession {
  private constructor(
    private readonly questions: QuizQuestion[],
    private position: number,
    private right: number,
  ) {}

  /** A new round of `count` random questions (default: {@link QUIZ_ROUND_SIZE}). */
  static start(all: readonly QuizQuestion[], count = QUIZ_ROUND_SIZE, random: () => number = Math.random): QuizSession {
    const picked = pickQuestions(all, count, random);
    if (!picked.length) throw new Error('QuizSession: no quiz questions loaded (add files to knowledge/quiz)');
    return new QuizSession(picked, 0, 0);
  }

  /** Resumes a saved state; undefined when a question of it no longer exists or the state is malformed. */
  static resume(all: readonly QuizQuestion[], state: QuizState): QuizSession | undefined {
    const byId = new Map(all.map((q) => [q.id, q]));
    const questions = state.ids.map((id) => byId.get(id));
    if (!questions.length || questions.some((q) => !q)) return undefined;
    if (!Number.isInteger(state.position) || state.position < 0 || state.position > questions.length) return undefined;
    if (!Number.isInteger(state.score) || state.score < 0 || state.score > state.position) return undefined;
    return new QuizSession(questions as QuizQuestion[], state.position, state.score);
  }

  /** The question to answer now, or undefined when the round is over. */
  current(): QuizQuestion | undefined {
    return this.questions[this.position];
  }

  /** Answers the current question with option `index`; throws when the round is over or the index is out of range. */
  answer(index: number): QuizAnswerResult {
    const q = this.current();
    if (!q) throw new Error('QuizSession: the round is over; start a new one');
    if (!Number.isInteger(index) || index < 0 || index >= q.options.length)
      throw new Error(`QuizSession: option ${index} does not exist (0..${q.options.length - 1})`);
    const correct = index === q.answer;
    if (correct) this.right++;
    this.position++;
    return { correct, answer: q.answer, answerText: q.options[q.answer], explanation: q.explanation, finished: this.finished };
  }

  /** Right answers so far. */
  get score(): number {
    return this.right;
  }

  /** Questions in the round. */
  get total(): number {
    return this.questions.length;
  }

  /** Number of the current question, counting from 1 (total + 1 when over). */
  get number(): number {
    return this.position + 1;
  }

  /** True when every question is answered. */
  get finished(): boolean {
    return this.position >= this.questions.length;
  }

  /** The plain-data state, to save and {@link QuizSession.resume} later. */
  get state(): QuizState {
    return { ids: this.questions.map((q) => q.id), position: this.position, score: this.right };
  }
}

/** The closing line of a round, in Chinese: `答对 7 / 10 题` plus a word of encouragement. */
export function scoreText(score: number, total: number): string {
  const ratio = total ? score / total : 0;
  const word =
    ratio === 1 ? '全部答对，真是普法达人！' : ratio >= 0.8 ? '成绩优秀！' : ratio >= 0.6 ? '不错，继续加油！' : '多了解一些环保法律知识吧，可以随时向我提问。';
  return `答对 ${score} / ${total} 题。${word}`;
}
