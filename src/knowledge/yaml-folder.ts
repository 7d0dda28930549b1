/** Reading every YAML file of one folder of the knowledge tree, with syntax problems located. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from './problem.js';
import { parseYaml, type YamlFile } from './yaml-file.js';

/**
 * Parses every `.yaml`/`.yml` file of `<root>/<folder>` in name order; `file` of each result and problem is
 * relative to `root`. A missing folder is no files and no problem; an unreadable file is a problem.
 */
export async function readYamlFolder(root: string, folder: string): Promise<{ files: YamlFile[]; problems: Problem[] }> {
  const files: YamlFile[] = [];
  const problems: Problem[] = [];
  let names: string[];
  try {
    names = (await readdir(path.join(root, folder))).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    return { files, problems };
  }
  for (const name of names) {
    const rel = `${folder}/${name}`;
    let text: string;
    try {
      text = await readFile(path.join(root, rel), 'utf8');
    } catch {
      problems.push({ file: rel, line: 1, field: '', message: '文件不存在或无法读取', severity: 'error' });
      continue;
    }
    const { yaml, problems: p } = parseYaml(rel, text);
    problems.push(...p);
    if (yaml) files.push(yaml);
  }
  return { files, problems };
}
