import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldReference } from '../../src/knowledge/docs.js';
import { withReference } from '../../src/knowledge/readme.js';

describe('knowledge/README.md', () => {
  const readme = readFileSync(new URL('../../knowledge/README.md', import.meta.url), 'utf8');
  it('holds the field reference generated from the schema (run npm run knowledge-docs)', () => {
    expect(readme).toBe(withReference(readme, fieldReference()));
  });
  it('documents every entry field', () => {
    for (const f of [
      'id',
      'kind',
      'topic',
      'title',
      'questions',
      'keywords',
      'answer',
      'basis',
      'related',
      'status',
      'reviewed',
      'updated',
      'valid_from',
      'valid_until',
    ]) {
      expect(readme).toContain(`| \`${f}\` |`);
    }
  });
});
