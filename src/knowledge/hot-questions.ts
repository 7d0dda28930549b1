/**
 * The hot questions the web chat shows (8–10), kept by staff in knowledge/hot-questions.yaml as a plain
 * list. A missing file means "pick them automatically"; a malformed one is a located problem.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from './problem.js';
import { parseYaml } from './yaml-file.js';

/** The file, relative to the knowledge folder. */
export const HOT_QUESTIONS_FILE = 'hot-questions.yaml';

/** Reads the hot questions; `questions` is undefined when the file does not exist. */
export async function loadHotQuestions(knowledgeDir: string): Promise<{ questions?: string[]; problems: Problem[] }> {
  let text: string;
  try {
    text = await readFile(path.join(knowledgeDir, HOT_QUESTIONS_FILE), 'utf8');
  } catch {
    return { problems: [] };
  }
  const { yaml, problems } = parseYaml(HOT_QUESTIONS_FILE, text);
  if (!yaml) return { problems };
  const data = yaml.data;
  const bad = (segs: (string | number)[], field: string, message: string): Problem => ({
    file: HOT_QUESTIONS_FILE,
    line: yaml.lineOf(segs),
    field,
    message,
    severity: 'error',
  });
  if (!Array.isArray(data)) return { problems: [bad([], '', '应为问题列表（每行一个 “- 问题”）')] };
  const out: Problem[] = [];
  data.forEach((q, i) => {
    if (typeof q !== 'string' || q.trim().length < 2 || q.trim().length > 80) out.push(bad([i], `[${i}]`, '每个热门问题应为 2 到 80 个字的文本'));
  });
  if (data.length > 12) out.push(bad([12], '', '热门问题最多 12 个'));
  return out.length ? { problems: out } : { questions: data.map((q: string) => q.trim()), problems: [] };
}
