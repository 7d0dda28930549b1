/** The engine's reply, shared by every channel (HTTP API, web chat, Telegram, CLI). */

/** Longest question any channel accepts, in characters (code points). */
export const MAX_QUESTION_CHARS = 500;

/** How the engine answered. */
export type ReplyStatus = 'answered' | 'clarify' | 'fallback' | 'smalltalk' | 'contact';

/** The bureau's contacts, on replies of status `contact` (and wherever a channel offers a person). */
export interface ReplyContact {
  bureauName: string;
  /** Empty when not configured. */
  phone: string;
  /** Empty when not configured. */
  address: string;
  hours: string;
  mapUrl?: string;
}

/** One cited article with its validity on the day of the question. */
export interface CitedBasis {
  /** Source id in sources.yaml. */
  source: string;
  /** Full name of the source. */
  name: string;
  article: string;
  /** 现行有效 / 尚未施行（…） / 已被《…》取代（…） */
  validity: string;
}

/** An entry offered as an alternative or a related question. */
export interface EntryRef {
  id: string;
  title: string;
}

/** A reply as every channel receives it. */
export interface Reply {
  status: ReplyStatus;
  /** The whole reply as the person reads it, plain text. */
  text: string;
  /** The entry that answered (status `answered`). */
  entry?: {
    id: string;
    title: string;
    topic: string;
    basis: CitedBasis[];
    reviewed?: { by: string; at: string };
    /** Set when a cited source is superseded: the entry awaits re-review. */
    needsReview?: boolean;
  };
  /** Candidates to choose from (clarify) or related questions (answered). */
  alternatives: EntryRef[];
  /** The bureau's contacts (status `contact`: the asker wants a person or the bureau's address). */
  contact?: ReplyContact;
  /** Confidence in [0, 1] of the best match, when there was one. */
  score?: number;
}
