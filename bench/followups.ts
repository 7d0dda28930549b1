/**
 * Conversation evaluation: each item is a few turns asked in one session; the reply to the last turn must
 * carry the `must` facts. Scored like an in-scope set (hit / miss / wrong).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { AnswerEngine } from '../src/engine/engine.js';
import { classify, type Score } from './dev-set.js';

/** One conversation of the follow-up set. */
export interface FollowupItem {
  id: string;
  /** The questions in order; the last one is judged. */
  turns: string[];
  must: string[];
}

/** Reads bench/eval/followups.yaml (`conversations: [{id, turns, must}]`). */
export function readFollowups(file: string): FollowupItem[] {
  return (parse(readFileSync(file, 'utf8')) as { conversations?: FollowupItem[] }).conversations ?? [];
}

/**
 * Scores the conversations, each in a session of its own. With `context` false only the last turn is asked, with
 * no session: the baseline of an engine that remembers nothing.
 */
export function scoreFollowups(items: readonly FollowupItem[], engine: Pick<AnswerEngine, 'ask'>, context = true): Score {
  let hits = 0;
  let misses = 0;
  let wrong = 0;
  const failures: string[] = [];
  const run = `bench-${Date.now().toString(36)}`;
  for (const item of items) {
    const session = `${run}-${item.id}`;
    let reply = context ? engine.ask(item.turns[0], session) : engine.ask(item.turns.at(-1)!);
    if (context) for (const turn of item.turns.slice(1)) reply = engine.ask(turn, session);
    const outcome = classify({ id: item.id, q: item.turns.at(-1)!, must: item.must }, reply);
    if (outcome === 'hit') hits++;
    else {
      if (outcome === 'wrong') wrong++;
      else misses++;
      failures.push(`${item.id} [${outcome === 'wrong' ? 'WRONG' : reply.status}${reply.entry ? ' ' + reply.entry.id : ''}] ${item.turns.join(' → ')}`);
    }
  }
  const n = Math.max(1, items.length);
  return {
    inScope: items.length,
    outOfScope: 0,
    hits,
    misses,
    wrong,
    falseAnswers: 0,
    offered: 0,
    suggested: 0,
    outOfScopeSuggested: 0,
    factHit: hits / n,
    wrongRate: wrong / n,
    falseAnswer: 0,
    failures,
  };
}
