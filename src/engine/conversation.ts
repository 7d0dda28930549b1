/**
 * What the engine remembers of a conversation between two questions: the options of a clarify reply (so that
 * "2" picks one) and the last question that found something (so that a follow-up such as 「那报告表呢」 is read
 * against it). The engine receives a {@link ConversationStore}; {@link MemoryConversationStore} serves tests and
 * single runs, the SQLite store (src/store/conversation-store.ts) survives restarts and is shared by processes.
 */

/** The state of one conversation. */
export interface ConversationState {
  /** Entry ids offered by the last clarify reply, in order (for "reply 1, 2 or 3"). */
  offered?: string[];
  /** The normalised search text of the last question that was answered or clarified. */
  query?: string;
  /** The entry that answered it. */
  entryId?: string;
}

/** Where conversation states are kept, by session id. Implementations expire states after a time to live. */
export interface ConversationStore {
  /** The state of a session, undefined when there is none or it has expired. */
  get(session: string): ConversationState | undefined;
  /** Replaces the state of a session (and restarts its time to live). */
  set(session: string, state: ConversationState): void;
  /** Forgets a session. */
  delete(session: string): void;
}

/** How long a conversation is remembered after its last question (default: 30 minutes). */
export const CONVERSATION_TTL_MS = 30 * 60_000;

/** Options of {@link MemoryConversationStore}. */
export interface MemoryConversationOptions {
  /** Time to live after the last write, in ms (default: {@link CONVERSATION_TTL_MS}). */
  ttlMs: number;
  /** Most sessions kept; the least recently written is forgotten first (default: 10,000). */
  capacity: number;
  /** Clock in ms (default: Date.now). */
  now: () => number;
}

/** Conversation states in this process's memory (tests, the CLI, the benchmarks). */
export class MemoryConversationStore implements ConversationStore {
  private readonly map = new Map<string, { state: ConversationState; at: number }>();
  private readonly o: MemoryConversationOptions;

  constructor(options: Partial<MemoryConversationOptions> = {}) {
    this.o = { ttlMs: CONVERSATION_TTL_MS, capacity: 10_000, now: Date.now, ...options };
  }

  get(session: string): ConversationState | undefined {
    const hit = this.map.get(session);
    if (!hit) return undefined;
    if (this.o.now() - hit.at > this.o.ttlMs) {
      this.map.delete(session);
      return undefined;
    }
    return hit.state;
  }

  set(session: string, state: ConversationState): void {
    this.map.delete(session);
    this.map.set(session, { state, at: this.o.now() });
    if (this.map.size > this.o.capacity) this.map.delete(this.map.keys().next().value as string);
  }

  delete(session: string): void {
    this.map.delete(session);
  }
}
