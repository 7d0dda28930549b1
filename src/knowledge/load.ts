/**
 * Loads the knowledge tree (entries, sources, lexicon) and checks it as a whole: schema, duplicate ids
 * and questions, unknown sources, dangling `related` ids, superseded citations.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Entry, Source } from './schema.js';
import type { Problem } from './problem.js';
import { parseYaml, type YamlFile } from './yaml-file.js';
import { readYamlFolder } from './yaml-folder.js';
import { validateEntry, validateSources } from './validate-entry.js';
import { parseLexicon } from './lexicon-file.js';
import { outOfForce, validityOn } from './validity.js';
import { loadLaws } from '../law/load.js';
import { LawLibrary } from '../law/library.js';
import { citationProblem, NOT_VERBATIM, unverifiedQuotes } from '../law/citation-check.js';
import { EMPTY_LEXICON, type Lexicon } from '../search/lexicon.js';
import { foldText } from '../search/normalize.js';

/** Folders of knowledge/ that hold one entry per file. */
export const ENTRY_DIRS = ['faq', 'laws', 'cases', 'guides', 'report'] as const;

/** Everything read from the knowledge folder. */
export interface Knowledge {
  /** Every valid entry, drafts and retired ones included. */
  entries: Entry[];
  /** Sources by id. */
  sources: Map<string, Source>;
  lexicon: Lexicon;
  /** File of each entry id, relative to the knowledge folder. */
  files: Map<string, string>;
  /** Every problem found; the tree is valid when none has severity `error`. */
  problems: Problem[];
  /** The law texts of knowledge/law-text (the 生态环境法典) and the map of repealed laws' articles. */
  laws?: LawLibrary;
}

/** Options of {@link loadKnowledge}. */
export interface LoadOptions {
  /**
   * Severity of a published entry whose basis is repealed or superseded on or before `today` (default: `error`,
   * so such a tree is not served).
   */
  outOfForce: Problem['severity'];
}

/** Reads a file as text; a missing file is reported as a problem. */
async function readText(root: string, rel: string, problems: Problem[]): Promise<string | undefined> {
  try {
    return await readFile(path.join(root, rel), 'utf8');
  } catch {
    problems.push({ file: rel, line: 1, field: '', message: '文件不存在或无法读取', severity: 'error' });
    return undefined;
  }
}

/**
 * Loads and checks the knowledge folder at `root`. `today` (YYYY-MM-DD) decides which cited sources are
 * superseded. Never throws for bad content: every problem is returned in `problems`.
 */
export async function loadKnowledge(root: string, today: string, options: Partial<LoadOptions> = {}): Promise<Knowledge> {
  const problems: Problem[] = [];
  const sources = new Map<string, Source>();
  const sourcesText = await readText(root, 'sources.yaml', problems);
  if (sourcesText !== undefined) {
    const { yaml, problems: p } = parseYaml('sources.yaml', sourcesText);
    problems.push(...p);
    if (yaml) {
      const v = validateSources(yaml);
      problems.push(...v.problems);
      v.sources.forEach((s, i) => {
        if (sources.has(s.id))
          problems.push({ file: 'sources.yaml', line: yaml.lineOf([i, 'id']), field: `[${i}].id`, message: `来源 id 重复: ${s.id}`, severity: 'error' });
        sources.set(s.id, s);
      });
      v.sources.forEach((s, i) => {
        if (s.superseded_by && !sources.has(s.superseded_by)) {
          problems.push({
            file: 'sources.yaml',
            line: yaml.lineOf([i, 'superseded_by']),
            field: `[${i}].superseded_by`,
            message: `未知来源: ${s.superseded_by}`,
            severity: 'error',
          });
        }
        if (s.repealed_by && !sources.has(s.repealed_by)) {
          problems.push({
            file: 'sources.yaml',
            line: yaml.lineOf([i, 'repealed_by']),
            field: `[${i}].repealed_by`,
            message: `未知来源: ${s.repealed_by}`,
            severity: 'error',
          });
        }
      });
    }
  }

  let lexicon: Lexicon = EMPTY_LEXICON;
  const lexText = await readText(root, 'synonyms.yaml', problems);
  if (lexText !== undefined) {
    const { yaml, problems: p } = parseYaml('synonyms.yaml', lexText);
    problems.push(...p);
    if (yaml) {
      const l = parseLexicon(yaml);
      problems.push(...l.problems);
      lexicon = l.lexicon;
    }
  }

  const entries: Entry[] = [];
  const files = new Map<string, string>();
  const parsed = new Map<string, YamlFile>();
  const folders = await Promise.all(ENTRY_DIRS.map((dir) => readYamlFolder(root, dir)));
  for (const f of folders) problems.push(...f.problems);
  for (const yaml of folders.flatMap((f) => f.files)) {
    const rel = yaml.file;
    const { entry, problems: ep } = validateEntry(yaml);
    problems.push(...ep);
    if (!entry) continue;
    const base = path.basename(rel).replace(/\.ya?ml$/, '');
    if (entry.id !== base) {
      problems.push({ file: rel, line: yaml.lineOf(['id']), field: 'id', message: `id “${entry.id}” 与文件名 “${base}” 不一致`, severity: 'error' });
      continue;
    }
    if (files.has(entry.id)) {
      problems.push({ file: rel, line: yaml.lineOf(['id']), field: 'id', message: `id 重复，已在 ${files.get(entry.id)} 中使用`, severity: 'error' });
      continue;
    }
    files.set(entry.id, rel);
    parsed.set(entry.id, yaml);
    entries.push(entry);
  }

  const loadedLaws = await loadLaws(root);
  problems.push(...loadedLaws.problems);
  const laws = new LawLibrary(loadedLaws);
  problems.push(...crossCheck(entries, sources, parsed, today, { outOfForce: options.outOfForce ?? DEFAULT_OUT_OF_FORCE, laws }));
  return { entries, sources, lexicon, files, problems, laws };
}

/**
 * Checks that need the whole tree: sources, related ids, duplicate questions, superseded citations, and (given
 * `laws`) cited articles and 「」 quotations against the shipped law texts. The staff save and approval paths run
 * the same checks (src/admin/entry-check.ts), so nothing they accept makes the tree invalid at the next load.
 */
export function crossCheck(
  entries: Entry[],
  sources: Map<string, Source>,
  parsed: Map<string, YamlFile>,
  today: string,
  options: { outOfForce?: Problem['severity']; laws?: LawLibrary } = {},
): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set(entries.map((e) => e.id));
  const askedBy = new Map<string, string>();
  for (const e of entries) {
    const y = parsed.get(e.id)!;
    const at = (field: string, segs: (string | number)[], message: string, severity: Problem['severity'] = 'error') =>
      problems.push({ file: y.file, line: y.lineOf(segs), field, message, severity });
    // Drafts may be incomplete (e.g. one created from a knowledge gap); nothing is published without a basis.
    if (e.kind !== 'report' && e.status === 'published' && e.basis.length === 0) at('basis', ['basis'], '除 report 外，发布的条目都必须有法律依据');
    e.basis.forEach((b, i) => {
      const src = sources.get(b.source);
      if (!src) {
        at(`basis[${i}].source`, ['basis', i, 'source'], `未知来源 “${b.source}”（先在 sources.yaml 中登记）`);
        return;
      }
      const v = validityOn(src, today, (id) => sources.get(id));
      if (outOfForce(v) && e.status === 'published') {
        const severity = options.outOfForce ?? DEFAULT_OUT_OF_FORCE;
        at(
          `basis[${i}].source`,
          ['basis', i, 'source'],
          severity === 'error'
            ? `引用的《${src.name}》${v.label}，已发布的条目不能以它为依据（改引现行法律的条文，旧条文写入 formerly）`
            : `引用的《${src.name}》${v.label}，条目需复核`,
          severity,
        );
      }
      const law = options.laws?.law(b.source);
      const wrong = law && citationProblem(law, b.article);
      if (wrong) at(`basis[${i}].article`, ['basis', i, 'article'], wrong);
    });
    for (const q of unverifiedQuotes(e.answer, options.laws)) {
      at('answer', ['answer'], `「${q.length > 24 ? q.slice(0, 24) + '…' : q}」不是法典原文：${NOT_VERBATIM}`);
    }
    e.related.forEach((r, i) => {
      if (!ids.has(r)) at(`related[${i}]`, ['related', i], `关联条目 “${r}” 不存在`);
    });
    if (e.status === 'retired') continue;
    [e.title, ...e.questions].forEach((q, i) => {
      const key = foldText(q).replace(/[\s?？!！。，,、：:]/g, '');
      const other = askedBy.get(key);
      if (other && other !== e.id) {
        at(i === 0 ? 'title' : `questions[${i - 1}]`, i === 0 ? ['title'] : ['questions', i - 1], `问法 “${q}” 与条目 ${other} 重复`);
      } else askedBy.set(key, e.id);
    });
  }
  return problems;
}

/**
 * Default severity of a published entry (or quiz or hot question) citing a source no longer in force: `error`, so
 * such a tree is not served (issue 10, item 5). Pass `outOfForce: 'review'` to list them without failing.
 */
export const DEFAULT_OUT_OF_FORCE: Problem['severity'] = 'error';

/** True when the problems include an error (the tree must not be served). */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
