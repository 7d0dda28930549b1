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
  /** The article's number when the law's text is shipped (the law page links it: /law/<source>#a<number>). */
  number?: number;
}

/** One article of a shipped law text, with its place and its validity on the day of the question. */
export interface ArticleView {
  /** Source id (eco-code). */
  source: string;
  /** Full name of the law. */
  name: string;
  number: number;
  /** 第一千零九十五条 */
  article: string;
  text: string;
  /** 编, 分编, 章, 节 as the law heads them. */
  part: string;
  subpart?: string;
  chapter: string;
  section?: string;
  /** 现行有效 / 尚未施行（…） / 已废止（…） */
  validity: string;
}

/** An article of a repealed law named in a question. */
export interface RepealedArticle {
  source: string;
  name: string;
  /** As named: 第三十一条 */
  article: string;
  /** The day it was repealed, YYYY-MM-DD. */
  repealedOn?: string;
  /** The Code articles that carry its rule now (第一千零九十五条第一款 ...). */
  now: string[];
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
    /** A check of the facts against the law text (not a legal review): shown as 已对照法典原文核对，待局法制审核. */
    checked?: { by: string; at: string };
    /** Set when a cited source is superseded: the entry awaits re-review. */
    needsReview?: boolean;
  };
  /** The law article the reply shows (a question naming an article, or the Code article of a repealed one). */
  article?: ArticleView;
  /** The repealed law's article the question named, when it did. */
  repealed?: RepealedArticle;
  /** Code articles that match a question no entry answers (status `fallback`: 可能相关的法条). */
  relatedArticles?: ArticleView[];
  /** Candidates to choose from (clarify) or related questions (answered). */
  alternatives: EntryRef[];
  /**
   * Answered replies: the next-best matches of the question (for 「不是这个问题」), best first, at most 3; absent when
   * the entry was chosen directly (a button, a number).
   */
  candidates?: EntryRef[];
  /** The bureau's contacts (status `contact`: the asker wants a person or the bureau's address). */
  contact?: ReplyContact;
  /** Confidence in [0, 1] of the best match, when there was one. */
  score?: number;
}
