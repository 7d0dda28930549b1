import { afterEach, describe, expect, it } from 'vitest';
import { hasErrors, loadKnowledge } from '../../src/knowledge/load.js';
import { MAX_YAML_CHARS, parseYaml } from '../../src/knowledge/yaml-file.js';
import { fixtureCopy } from '../helpers/fixture.js';
import { ALIAS_BOMB } from '../helpers/yaml-bomb.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('parseYaml limits', () => {
  it('reports an alias bomb as a problem instead of throwing', () => {
    const r = parseYaml('faq/bomb.yaml', ALIAS_BOMB);
    expect(r.yaml).toBeUndefined();
    expect(r.problems).toEqual([expect.objectContaining({ file: 'faq/bomb.yaml', severity: 'error', message: expect.stringContaining('别名') })]);
  });

  it('still accepts a few ordinary aliases', () => {
    const r = parseYaml('x.yaml', 'a: &x [1, 2]\nb: *x\n');
    expect(r.problems).toEqual([]);
    expect(r.yaml?.data).toEqual({ a: [1, 2], b: [1, 2] });
  });

  it('refuses a file over the size limit', () => {
    const r = parseYaml('big.yaml', `a: "${'x'.repeat(MAX_YAML_CHARS)}"\n`);
    expect(r.problems[0]).toMatchObject({ file: 'big.yaml', line: 1, severity: 'error', message: expect.stringContaining('文件过大') });
  });

  it('a tree with an alias bomb loads with a located problem (start-up gives a list, not a stack)', async () => {
    const t = await fixtureCopy({ 'faq/zz-bomb.yaml': ALIAS_BOMB });
    cleanups.push(t.cleanup);
    const k = await loadKnowledge(t.dir, '2026-06-01');
    expect(hasErrors(k.problems)).toBe(true);
    expect(k.problems.some((p) => p.file === 'faq/zz-bomb.yaml' && /别名/.test(p.message))).toBe(true);
  });
});
