/**
 * Asking through a channel: the engine's reply, timed and recorded in the question log. Every channel
 * (web chat, HTTP API, Telegram) calls this instead of the engine directly, so the log sees them all.
 */
import type { AnswerEngine } from '../engine/engine.js';
import type { Reply } from '../engine/reply.js';
import type { Channel, QuestionLog } from '../store/question-log.js';

/** A question as a channel passes it on. */
export interface AskInput {
  question: string;
  channel: Channel;
  /** Conversation id (web session, Telegram chat); also the user for counting unique askers. */
  session?: string;
  /** Outreach event code. */
  event?: string;
  /** User id when it differs from the session (Telegram user id). */
  user?: string;
}

/** A reply with the id of its log row (for 👍/👎). */
export type LoggedReply = Reply & { id?: number };

/** Asks the engine and logs the question. */
export class AskService {
  /**
   * @param engine answers the questions
   * @param log where questions are recorded (default: none)
   * @param onLogError told when a question could not be recorded; the answer is still given (default: ignore)
   * @param onLogged told when a question was recorded (default: ignore)
   */
  constructor(
    readonly engine: AnswerEngine,
    public log?: QuestionLog,
    private readonly onLogError: (err: unknown) => void = () => undefined,
    private readonly onLogged: () => void = () => undefined,
  ) {}

  /** Answers and records one question; logging failures never lose the answer. */
  ask(input: AskInput): LoggedReply {
    const started = performance.now();
    const reply = this.engine.ask(input.question, input.session);
    const latencyMs = performance.now() - started;
    if (!this.log) return reply;
    try {
      const id = this.log.record({
        at: new Date().toISOString(),
        channel: input.channel,
        event: input.event,
        question: input.question,
        normalized: this.engine.normalize(input.question),
        status: reply.status,
        entryId: reply.entry?.id,
        topic: reply.entry?.topic,
        score: reply.score,
        latencyMs,
        user: input.user ?? input.session,
      });
      this.onLogged();
      return { ...reply, id };
    } catch (err) {
      this.onLogError(err);
      return reply;
    }
  }

  /** Records 👍/👎 for a logged reply; false when there is no log or no such id. */
  feedback(id: number, helpful: boolean): boolean {
    return this.log?.feedback(id, helpful) ?? false;
  }
}
