/**
 * Recognising a follow-up that leans on the previous exchange (「那报告表呢」, 「那罚多少钱」, 「要多久」) and building
 * the text it is searched with: the previous question's search text, then the follow-up's own words. Only the
 * form of the question is looked at, never particular strings of the knowledge.
 */

/** How a question leans on the one before, if it does. */
export type FollowUpKind =
  /** Opens with 那 / 那么 / 还有 / 如果 …, or ends with 呢: read against the previous question first. */
  | 'marked'
  /** Short and naming no domain term (要多久, 罚多少钱): read against the previous question when it alone finds no answer. */
  | 'bare';

/** Longest follow-up, in characters without punctuation (default of {@link followUpKind}). */
export const MAX_FOLLOW_UP_CHARS = 20;
/** Longest bare follow-up (no marker), in characters without punctuation. */
export const MAX_BARE_FOLLOW_UP_CHARS = 8;

const OPENING = /^(那么|那如果|那要是|那假如|那|还有|另外|如果是?|要是|假如|再问一下|再问|顺便问一下|顺便问)/;
const CLOSING = /呢$/;
const NOT_TEXT = /[\s\p{P}\p{S}]+/gu;

/**
 * The kind of follow-up a folded question is, or undefined for a question that stands alone. `hasTerm`
 * tells whether a text names a domain term of the lexicon.
 */
export function followUpKind(folded: string, hasTerm: (text: string) => boolean): FollowUpKind | undefined {
  const text = folded.replace(NOT_TEXT, '');
  const n = [...text].length;
  if (n === 0 || n > MAX_FOLLOW_UP_CHARS) return undefined;
  if (OPENING.test(text) || CLOSING.test(text)) return 'marked';
  if (n <= MAX_BARE_FOLLOW_UP_CHARS && !hasTerm(text)) return 'bare';
  return undefined;
}

/** Opens with 那 / 那么 as a reference to an earlier exchange (not the demonstratives 那个, 那家, 那里 …). */
const LEANS_BACK = /^那(么|如果|要是|假如)?(?![个些家里边儿种样位时天年])/;

/**
 * Whether a first message can only be understood against an exchange that did not happen: it opens with 那 / 那么
 * (「那罚多少钱」, 「那报告书呢」) and is short enough to be a follow-up. Such a message is not answered as if it stood
 * alone.
 */
export function leansOnMissingContext(folded: string): boolean {
  const text = folded.replace(NOT_TEXT, '');
  const n = [...text].length;
  return n > 0 && n <= MAX_FOLLOW_UP_CHARS && LEANS_BACK.test(text);
}

/** The follow-up without its opening and closing words (那…呢), which carry no topic. */
export function followUpCore(folded: string): string {
  const text = folded.replace(NOT_TEXT, '');
  return text.replace(OPENING, '').replace(CLOSING, '') || text;
}

/**
 * Words that ask about an aspect of a matter rather than name a matter: penalties, time, place, papers, cost,
 * contacts, and the question words around them.
 */
const ASPECT =
  /(罚款|处罚|罚|多少钱|钱|费用|收费|交费|多久|多长时间|多长|时间|有效期|期限|几天|几年|哪里|哪儿|在哪|去哪|哪个部门|部门|找谁|材料|资料|流程|程序|手续|步骤|审批|批下来|批|办理|办|申请|电话|后果|怎么办|怎么样|怎么|要不要|需不需要|能不能|可不可以|会不会|多少|什么|吗|呢|要|会|能|被|了|的|还|也|是|下来|一下)/g;

/**
 * Whether a normalised follow-up only asks about an aspect (那罚多少钱, 那要多久, 那去哪里办) and names no matter of
 * its own: then it keeps the previous question's subject. One that names something (那报告表呢) keeps the
 * previous question and swaps its subject.
 */
export function asksAspectOnly(core: string): boolean {
  return [...core.replace(/\s+/g, '').replace(ASPECT, '')].length <= 1;
}

/** Longest remembered search text, in characters; older words are dropped first (default 60). */
export const MAX_CONTEXT_CHARS = 60;

/**
 * The text a follow-up is searched with: the previous search text, a space, then the follow-up (both already
 * normalised). `focusFrom` is the code-point position where the follow-up starts, so ranking can insist that an
 * entry covers what the follow-up adds.
 */
export function withContext(previous: string, followUp: string): { text: string; focusFrom: number } {
  const prev = [...previous];
  const kept = prev.length > MAX_CONTEXT_CHARS ? prev.slice(prev.length - MAX_CONTEXT_CHARS).join('') : previous;
  return { text: `${kept} ${followUp}`, focusFrom: [...kept].length + 1 };
}
