/** understand(): a follow-up's close call settled by the conversation (the previous answer is among the candidates). */
import { describe, expect, it } from 'vitest';
import type { Decision, Scored } from '../../src/engine/decide.js';
import { understand, type UnderstandInput } from '../../src/engine/understand.js';

const scored = (id: string, confidence: number): Scored => ({
  id,
  relative: 1,
  coverage: 0.9,
  closeness: 0.5,
  containment: 0.5,
  about: 0.5,
  prior: 1,
  rank: 0,
  confidence,
});

/** An input whose search finds `alone` for the question by itself and `joined` for it read with the previous one. */
function input(joined: Decision, near: string[]): UnderstandInput {
  const none: Decision = { kind: 'none', ranked: [] };
  return {
    folded: '那罚多少钱',
    normalized: '那罚多少钱',
    previous: '没有排污许可证能排污吗',
    search: (_text, focus) => (focus ? joined : none),
    near,
    tokens: (t) => [...t],
    normalize: (t) => t,
    hasTerm: (t) => t.includes('排污许可证'),
    offerAt: { coverage: 0.3, confidence: 0.5 },
  };
}

describe('a follow-up close call', () => {
  const close: Decision = { kind: 'clarify', ranked: [scored('permit-fraud', 0.81), scored('permit-penalty', 0.8)] };

  it('is answered by the previous answer when it is one of the close candidates', () => {
    const u = understand(input(close, ['permit-penalty', 'permit-fraud']));
    expect(u.via).toBe('follow-up');
    expect(u.decision).toMatchObject({ kind: 'answer', best: { id: 'permit-penalty' } });
  });

  it('stays a clarify when only a related entry of the previous answer is close', () => {
    const u = understand(input(close, ['permit-validity', 'permit-penalty']));
    expect(u.decision.kind).toBe('clarify');
    expect(u.decision.ranked.map((r) => r.id)).toEqual(['permit-fraud', 'permit-penalty']);
  });

  it('an answer with a close runner-up: the previous answer wins, another entry would be a clarify', () => {
    const answer: Decision = { kind: 'answer', best: scored('permit-fraud', 0.81), ranked: [scored('permit-fraud', 0.81), scored('permit-penalty', 0.8)] };
    expect(understand(input(answer, ['permit-penalty'])).decision).toMatchObject({ kind: 'answer', best: { id: 'permit-penalty' } });
    expect(understand(input(answer, ['other'])).decision.kind).toBe('clarify');
  });
});
