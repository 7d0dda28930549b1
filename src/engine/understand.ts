/**
 * What a question means in its conversation, before the decision is turned into a reply: a follow-up is searched
 * together with the previous question (「那报告表呢」 after 「环评报告书审批要多久」), and a long or two-part message
 * is searched by its question clauses, the story around them left out. Pure: it only calls `search`.
 */
import { questionClauses } from './clauses.js';
import type { Decision, Focus, Scored } from './decide.js';
import { asksAspectOnly, followUpCore, followUpKind, leansOnMissingContext, withContext } from './follow-up.js';

/** What {@link understand} needs. */
export interface UnderstandInput {
  /** The folded question (NFKC, simplified, lower case). */
  folded: string;
  /** Its normalised search text. */
  normalized: string;
  /** The normalised search text of the conversation's previous question, if any. */
  previous?: string;
  /**
   * Searches a normalised text; a `focus` marks a follow-up searched with the previous question, and `favour`
   * names entries to weigh up (the previous answer and its related entries).
   */
  search: (normalized: string, focus?: Focus, favour?: ReadonlySet<string>) => Decision;
  /** The entry that answered the previous question and its related entries. */
  near?: readonly string[];
  /** The tokens of a normalised text. */
  tokens: (normalized: string) => string[];
  /** Normalises a folded text (fillers, synonyms). */
  normalize: (text: string) => string;
  /** Whether a normalised text names a domain term. */
  hasTerm: (normalized: string) => boolean;
  /** Whether a long message is read clause by clause (default: true). */
  clauses?: boolean;
  /** Minimum coverage and confidence of a candidate offered to clarify a long message. */
  offerAt: { coverage: number; confidence: number };
}

/** How the question was understood. */
export interface Understood {
  decision: Decision;
  /** The search text to remember as the conversation's context. */
  query: string;
  /**
   * How it was read: alone, as a follow-up, by its question clauses, or as a follow-up with nothing before it
   * (「那罚多少钱」 as a first message: not answered).
   */
  via: 'alone' | 'follow-up' | 'clauses' | 'no-context';
  /** Entries for the message's other question(s), to offer beside the answer. */
  also: string[];
}

/** A runner-up within this ratio of the best answer to a follow-up makes it a clarify (default 0.95). */
export const FOLLOW_UP_CLARIFY_RATIO = 0.95;

/** A clause's answer must be among this many best candidates of the whole message (default 3). */
export const SUPPORT_RANK = 3;

/** A message this long (characters without spaces) or longer is read clause by clause (default 16). */
export const LONG_MESSAGE_CHARS = 16;

/** Reads a question in its conversation; see the module comment. */
export function understand(input: UnderstandInput): Understood {
  const alone = input.search(input.normalized);
  const plain: Understood = { decision: alone, query: input.normalized, via: 'alone', also: [] };

  const kind = input.previous ? followUpKind(input.folded, (t) => input.hasTerm(input.normalize(t))) : undefined;
  if (kind && input.previous && (kind === 'marked' || alone.kind !== 'answer')) {
    const core = input.normalize(followUpCore(input.folded));
    // A follow-up naming a matter swaps the subject and keeps the question (那报告表呢: the same question about
    // 报告表); one asking only about an aspect keeps the subject's domain terms and asks that (那罚多少钱).
    const subject = [...new Set(input.tokens(input.previous).filter((t) => input.hasTerm(t) && !asksAspectOnly(t)))];
    const base = !asksAspectOnly(core) || subject.length === 0 ? input.previous : subject.join(' ');
    const { text, focusFrom } = withContext(base, core);
    const joined = input.search(text, { from: focusFrom, tokens: [...subject, ...input.tokens(core)] }, new Set(input.near ?? []));
    if (joined.kind === 'answer') {
      // A follow-up is short and leans on context: a close runner-up means it could be either, so ask — unless the
      // conversation settles it (below).
      const close = joined.ranked.filter((r) => r.coverage >= input.offerAt.coverage && r.confidence >= joined.best.confidence * FOLLOW_UP_CLARIFY_RATIO);
      const decision: Decision = close.length > 1 ? settled(close, joined.ranked, input.near) : joined;
      return { decision, query: text, via: 'follow-up', also: [] };
    }
    if (joined.kind === 'clarify') return { decision: settled(joined.ranked, joined.ranked, input.near), query: text, via: 'follow-up', also: [] };
    // A follow-up that names its own subject may stand alone; one that does not is not guessed at.
    if (alone.kind === 'answer' && input.hasTerm(core)) return plain;
    const offers = offersOf(joined.ranked, input.offerAt);
    if (offers.length) return { decision: { kind: 'clarify', ranked: offers }, query: text, via: 'follow-up', also: [] };
    return alone.kind === 'answer' ? { decision: { kind: 'none', ranked: alone.ranked }, query: input.previous, via: 'follow-up', also: [] } : plain;
  }

  if (!input.previous && leansOnMissingContext(input.folded)) {
    // 「那罚多少钱」 with nothing before it: an aspect alone is not guessed at; a named matter is offered, not answered.
    if (asksAspectOnly(followUpCore(input.folded))) return { ...plain, decision: { kind: 'none', ranked: alone.ranked }, via: 'no-context' };
    if (alone.kind === 'answer') {
      const offers = offersOf(alone.ranked, input.offerAt);
      return {
        ...plain,
        decision: offers.length ? { kind: 'clarify', ranked: offers } : { kind: 'none', ranked: alone.ranked },
        via: offers.length ? 'alone' : 'no-context',
      };
    }
  }

  const compact = input.folded.replace(/\s+/g, '');
  if (input.clauses === false || [...compact].length < LONG_MESSAGE_CHARS) return plain;
  const clauses = questionClauses(input.folded);
  if (clauses.length === 0 || (clauses.length === 1 && clauses[0].text === compact)) return plain;
  const read = clauses.map((c) => {
    const normalized = input.normalize(c.text);
    return { normalized, decision: input.search(normalized) };
  });
  const top = (d: Decision): Scored | undefined => (d.kind === 'answer' ? d.best : d.ranked[0]);
  // A clause's answer counts only when the whole message supports it too (among the whole's top candidates).
  const supported = (d: Decision) => d.kind === 'answer' && alone.ranked.slice(0, SUPPORT_RANK).some((r) => r.id === d.best.id);
  const main = read.findIndex((r) => supported(r.decision));
  if (main < 0) {
    if (alone.kind === 'answer') return plain;
    // Nothing answers: offer the best candidate of each part (and of the whole) that is close enough.
    const offers: Scored[] = [];
    for (const d of [...read.map((r) => r.decision), alone]) {
      const best = top(d);
      if (best && offersOf([best], input.offerAt).length && !offers.some((o) => o.id === best.id)) offers.push(best);
    }
    if (offers.length === 0) return plain;
    return { decision: { kind: 'clarify', ranked: offers.slice(0, 3) }, query: read[0].normalized, via: 'clauses', also: [] };
  }
  const chosen = read[main].decision as Extract<Decision, { kind: 'answer' }>;
  if (alone.kind === 'answer') {
    // The whole message answers: it carries more than any clause. Another part answering elsewhere is offered.
    const more = read.flatMap((r) =>
      supported(r.decision) && r.decision.kind === 'answer' && r.decision.best.id !== alone.best.id ? [r.decision.best.id] : [],
    );
    return { ...plain, also: [...new Set(more)].slice(0, 2) };
  }
  return { decision: chosen, query: read[main].normalized, via: 'clauses', also: others(read, chosen.best.id, top) };
}

/**
 * A close call of a follow-up that the conversation settles: when the previous answer (`near[0]`) is one of the close
 * candidates, the follow-up asks about the matter just answered and that entry answers it; otherwise it is a clarify of
 * the close candidates. (A related entry does not settle it: measured, it answered 「那罚多少钱」 with a neighbour.)
 */
function settled(close: readonly Scored[], ranked: readonly Scored[], near: readonly string[] = []): Decision {
  const pick = near.length ? close.find((r) => r.id === near[0]) : undefined;
  if (!pick) return { kind: 'clarify', ranked: close.slice(0, 3) };
  return { kind: 'answer', best: pick, ranked: [pick, ...ranked.filter((r) => r.id !== pick.id)] };
}

/** The candidates close enough to offer in a clarify (at most three). */
function offersOf(ranked: readonly Scored[], at: UnderstandInput['offerAt']): Scored[] {
  return ranked.filter((r) => r.coverage >= at.coverage && r.confidence >= at.confidence).slice(0, 3);
}

/** The best entries of the other clauses, for offering beside the answer. */
function others(read: { decision: Decision }[], answered: string, top: (d: Decision) => Scored | undefined): string[] {
  const ids: string[] = [];
  for (const r of read) {
    const best = r.decision.kind === 'none' ? undefined : top(r.decision);
    if (best && best.id !== answered && !ids.includes(best.id)) ids.push(best.id);
  }
  return ids.slice(0, 2);
}

/**
 * The answer text with a note on the message's other question(s), offered among the related questions; placed
 * before the closing legal notice when the text ends with it.
 */
export function withAlsoNote(text: string, titles: readonly string[], notice: string): string {
  if (titles.length === 0) return text;
  const note = `您的留言里还问到：${titles.map((t) => `“${t}”`).join('、')}，请点下方相关问题查看。`;
  const parts = text.split('\n\n');
  if (parts.at(-1) === notice) parts.splice(parts.length - 1, 0, note);
  else parts.push(note);
  return parts.join('\n\n');
}
