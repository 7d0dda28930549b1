/**
 * Loads the law texts shipped in knowledge/law-text/<source>/ (law.yaml: name, article count, origin; part-*.yaml:
 * the articles) and checks each: the declared number of articles, numbered 1.. without gaps, no empty text, every
 * article label matching its number. Also loads the map of repealed laws' articles (law-text/old-articles.yaml).
 * Problems are located by file, line and field like the knowledge loader's; nothing here throws for bad content.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../knowledge/problem.js';
import { readYamlFolder } from '../knowledge/yaml-folder.js';
import type { YamlFile } from '../knowledge/yaml-file.js';
import { parseYaml } from '../knowledge/yaml-file.js';
import { articleLabel } from './numerals.js';
import type { LawArticle, LawText } from './types.js';
import { parseOldArticles, OLD_ARTICLES_FILE, type LawNames, type OldArticle } from './old-articles.js';

/** Folder of law texts inside the knowledge folder. */
export const LAW_TEXT_DIR = 'law-text';

/** Law texts and the old-article map as loaded. */
export interface LoadedLaws {
  laws: Map<string, LawText>;
  oldArticles: OldArticle[];
  /** Names people use for the repealed laws (old-articles.yaml `laws`). */
  oldLawNames: LawNames[];
  problems: Problem[];
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** Checks one part file's articles; returns the valid ones. */
function readPart(yaml: YamlFile, source: string, problems: Problem[]): LawArticle[] {
  const at = (segs: (string | number)[], field: string, message: string) =>
    problems.push({ file: yaml.file, line: yaml.lineOf(segs), field, message, severity: 'error' });
  const data = yaml.data as { source?: unknown; articles?: unknown } | null;
  if (!data || typeof data !== 'object' || !Array.isArray(data.articles)) {
    at([], '', '法律文本文件应有 source 和 articles（条文列表）两个字段');
    return [];
  }
  if (data.source !== source) at(['source'], 'source', `source 应为 “${source}”（与所在文件夹一致）`);
  const out: LawArticle[] = [];
  data.articles.forEach((raw: unknown, i: number) => {
    const a = raw as Partial<LawArticle> | null;
    const f = (name: string) => `articles[${i}].${name}`;
    if (!a || typeof a !== 'object') {
      at(['articles', i], `articles[${i}]`, '条文应为键值对象');
      return;
    }
    if (!Number.isInteger(a.number) || (a.number as number) < 1) {
      at(['articles', i, 'number'], f('number'), '条文序号 number 应为正整数');
      return;
    }
    const n = a.number as number;
    if (a.article !== articleLabel(n)) at(['articles', i, 'article'], f('article'), `第 ${n} 条应写作 “${articleLabel(n)}”`);
    if (!isText(a.text)) at(['articles', i, 'text'], f('text'), `${articleLabel(n)}没有条文内容`);
    if (!isText(a.part)) at(['articles', i, 'part'], f('part'), '缺少所在的编');
    if (!isText(a.chapter)) at(['articles', i, 'chapter'], f('chapter'), '缺少所在的章');
    for (const k of ['subpart', 'section'] as const) if (a[k] !== undefined && !isText(a[k])) at(['articles', i, k], f(k), '应为文字');
    if (isText(a.text) && isText(a.part) && isText(a.chapter)) {
      out.push({
        number: n,
        article: articleLabel(n),
        part: a.part,
        ...(isText(a.subpart) ? { subpart: a.subpart } : {}),
        chapter: a.chapter,
        ...(isText(a.section) ? { section: a.section } : {}),
        text: a.text.trim(),
      });
    }
  });
  return out;
}

/** Loads one law folder (`law-text/<source>`). */
async function loadLaw(root: string, source: string, problems: Problem[]): Promise<LawText | undefined> {
  const folder = `${LAW_TEXT_DIR}/${source}`;
  const { files, problems: p } = await readYamlFolder(root, folder);
  problems.push(...p);
  const meta = files.find((f) => f.file === `${folder}/law.yaml`);
  if (!meta) {
    problems.push({ file: `${folder}/law.yaml`, line: 1, field: '', message: '缺少 law.yaml（法律名称、条文总数、文本来源）', severity: 'error' });
    return undefined;
  }
  const m = meta.data as Record<string, unknown> | null;
  const bad = (field: string, message: string) => problems.push({ file: meta.file, line: meta.lineOf([field]), field, message, severity: 'error' });
  if (!m || typeof m !== 'object') return (void bad('', 'law.yaml 应为键值对象'), undefined);
  if (m.source !== source) bad('source', `source 应为 “${source}”（与文件夹名一致）`);
  if (!isText(m.name)) bad('name', '缺少法律名称');
  if (!Number.isInteger(m.articles) || (m.articles as number) < 1) bad('articles', '条文总数 articles 应为正整数');
  if (!isText(m.origin)) bad('origin', '缺少文本来源说明');
  if (!isText(m.official)) bad('official', '缺少“以官方文本为准”的说明');
  if (m.names !== undefined && !(Array.isArray(m.names) && m.names.every(isText))) bad('names', 'names 应为名称列表');
  const before = problems.length;
  const articles = files
    .filter((f) => f !== meta)
    .flatMap((f) => readPart(f, source, problems))
    .sort((a, b) => a.number - b.number);
  const count = m.articles as number;
  const where = { file: meta.file, line: meta.lineOf(['articles']), field: 'articles', severity: 'error' as const };
  articles.forEach((a, i) => {
    if (a.number !== i + 1) {
      if (articles[i - 1]?.number === a.number) problems.push({ ...where, message: `${a.article}重复` });
      else problems.push({ ...where, message: `条文序号不连续：${articleLabel(i + 1)}缺失（其后为${a.article}）` });
    }
  });
  if (articles.length !== count) problems.push({ ...where, message: `条文共 ${articles.length} 条，与 law.yaml 声明的 ${count} 条不符` });
  if (problems.length > before) return undefined;
  const names = Array.isArray(m.names) ? (m.names as string[]) : [];
  return { source, name: m.name as string, names, articleCount: count, origin: m.origin as string, official: m.official as string, articles };
}

/**
 * Loads every law of `<root>/law-text/`. A missing folder is no laws and no problem (a test tree); a broken law
 * is left out and its problems are returned.
 */
export async function loadLaws(root: string): Promise<LoadedLaws> {
  const problems: Problem[] = [];
  const laws = new Map<string, LawText>();
  let names: string[] = [];
  try {
    const dirents = await readdir(path.join(root, LAW_TEXT_DIR), { withFileTypes: true });
    names = dirents
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch {
    return { laws, oldArticles: [], oldLawNames: [], problems };
  }
  for (const source of names) {
    const law = await loadLaw(root, source, problems);
    if (law) laws.set(source, law);
  }
  let oldArticles: OldArticle[] = [];
  let oldLawNames: LawNames[] = [];
  const rel = `${LAW_TEXT_DIR}/${OLD_ARTICLES_FILE}`;
  const text = await readFile(path.join(root, rel), 'utf8').catch(() => undefined);
  if (text !== undefined) {
    const { yaml, problems: p } = parseYaml(rel, text);
    problems.push(...p);
    if (yaml) {
      const r = parseOldArticles(yaml, laws);
      problems.push(...r.problems);
      oldArticles = r.oldArticles;
      oldLawNames = r.names;
    }
  }
  return { laws, oldArticles, oldLawNames, problems };
}
