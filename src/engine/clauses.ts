/**
 * Finding the asker's actual question(s) in a long, spoken or two-part message: the message is cut into clauses
 * (at punctuation, and in long unpunctuated runs before words that open a new thought), the clauses that ask
 * something (吗, 怎么, 多少, 能不能, 要不要, 是否, 哪里 …) are kept, and the story around them is dropped. A question
 * clause too short to stand alone (「找谁」, 「罚多少」) takes the clause before it as its subject.
 */

/** Options of {@link questionClauses}; every field has a default. */
export interface ClauseOptions {
  /** A clause with fewer characters than this borrows the clause before it (default: 7). */
  minStandalone: number;
  /** Unpunctuated runs longer than this are cut before opening words (default: 14). */
  longRun: number;
  /** Most question clauses returned (default: 3). */
  max: number;
}

/** Default clause options. */
export const DEFAULT_CLAUSE_OPTIONS: ClauseOptions = { minStandalone: 7, longRun: 14, max: 3 };

/** Words and endings that make a clause a question. */
const ASKS =
  /(吗|嘛|么|呢|\?|怎么|怎样|如何|咋|多少|多久|多长|多大|多远|几(年|天|日|个|次|种|类|级|点|岁|倍|分)|能不能|能否|可不可以|可以不|行不行|要不要|需不需要|用不用|该不该|是否|是不是|有没有|会不会|算不算|哪里|哪儿|哪个|哪些|哪家|哪种|什么|啥|谁|为何|为什么|凭什么)/;
/** Punctuation and spaces between clauses. */
const BREAK = /[\s，,。．.！!？?；;：:、…~～]+/;
/** Words that open a new thought inside an unpunctuated run; the run is cut before them. */
const OPENERS = /(还有|另外|然后|而且|并且|同时|以及|再就是|再问|顺便|想问|请问|问一下|到底|究竟|但是|可是|不过|所以|那么|那如果|如果|要是|万一)/g;
/** Words that close a condition inside an unpunctuated run (办的话 …); the run is cut after them. */
const CLOSERS = /(的话|之后|以后)/g;
/** A clause that is only filler (请问, 老师, 你好 …) once punctuation is gone. */
const FILLER_ONLY = /^(请问|你好|您好|老师|领导|同志|谢谢|麻烦|问一下|想问一下|我想问一下|在吗)+$/;

/** One question found in a message. */
export interface QuestionClause {
  /** The clause as searched (with the clause before it when it could not stand alone). */
  text: string;
  /** The clause itself. */
  ask: string;
}

/** Cuts a folded message into clauses (punctuation first, then long unpunctuated runs before opening words). */
export function clausesOf(folded: string, options: ClauseOptions = DEFAULT_CLAUSE_OPTIONS): string[] {
  const out: string[] = [];
  for (const piece of folded.split(BREAK)) {
    if (!piece) continue;
    if ([...piece].length <= options.longRun) {
      out.push(piece);
      continue;
    }
    const cuts = [...[...piece.matchAll(OPENERS)].map((m) => m.index ?? 0), ...[...piece.matchAll(CLOSERS)].map((m) => (m.index ?? 0) + m[0].length)].sort(
      (a, b) => a - b,
    );
    let last = 0;
    for (const at of cuts) {
      if (at - last >= 2 && at < piece.length) {
        out.push(piece.slice(last, at));
        last = at;
      }
    }
    out.push(piece.slice(last));
  }
  return out.filter((c) => c && !FILLER_ONLY.test(c));
}

/** Whether a clause asks something. */
export function asks(clause: string): boolean {
  return ASKS.test(clause);
}

/**
 * The question clauses of a folded message, in order, at most `max`; empty when no clause asks anything (then
 * the whole message is the question).
 */
export function questionClauses(folded: string, options: Partial<ClauseOptions> = {}): QuestionClause[] {
  const o = { ...DEFAULT_CLAUSE_OPTIONS, ...options };
  const clauses = clausesOf(folded, o);
  const out: QuestionClause[] = [];
  clauses.forEach((c, i) => {
    if (!asks(c)) return;
    let text = c;
    // Too short to stand alone: borrow the clause before (the story's subject), unless it is itself a question
    // already returned (then the two are one question: 能去法院告吗，期限多长).
    for (let k = i - 1; k >= 0 && [...text].length < o.minStandalone; k--) text = clauses[k] + text;
    const prev = out.at(-1);
    if (prev && text.endsWith(c) && text !== c && text.includes(prev.ask)) {
      prev.text = text;
      prev.ask = `${prev.ask}，${c}`;
      return;
    }
    out.push({ text, ask: c });
  });
  return out.slice(0, o.max);
}
