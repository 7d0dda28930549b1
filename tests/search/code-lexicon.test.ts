/** The lexicon of knowledge/synonyms.yaml on the Code's terms and their old forms (issue 10, item 8). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLexicon } from '../../src/knowledge/lexicon-file.js';
import { parseYaml } from '../../src/knowledge/yaml-file.js';
import { Analyzer } from '../../src/search/analyzer.js';
import { KNOWLEDGE_DIR } from '../helpers/fixture.js';

describe('the Code terms in the lexicon', async () => {
  const { yaml } = parseYaml('synonyms.yaml', await readFile(path.join(KNOWLEDGE_DIR, 'synonyms.yaml'), 'utf8'));
  const analyzer = new Analyzer(parseLexicon(yaml!).lexicon);
  const n = (t: string) => analyzer.normalize(t);

  it('rewrites the old terms to the Code terms and leaves the Code terms as they are', () => {
    expect(n('环评')).toBe('生态环境影响评价');
    expect(n('环境影响评价')).toBe('生态环境影响评价');
    expect(n('生态环境影响评价')).toBe('生态环境影响评价');
    expect(n('环评报告书')).toBe('生态环境影响报告书');
    expect(n('建设项目生态环境影响报告书')).toBe('建设项目生态环境影响报告书');
    expect(n('重点排污单位')).toBe('排污许可重点管理');
    expect(n('实行排污许可重点管理的企业')).toContain('排污许可重点管理');
    expect(n('生态日')).toBe('全国生态日');
  });

  it('names the Code by any of its short names, and never rewrites the civil code', () => {
    expect(n('法典')).toBe('生态环境法典');
    expect(n('环境法典')).toBe('生态环境法典');
    expect(n('生态环境法典')).toBe('生态环境法典');
    expect(n('民法典')).toBe('民法典');
  });
});
