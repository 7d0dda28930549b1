/** Reading knowledge/synonyms.yaml into a lexicon, with located problems. */
import type { Problem } from './problem.js';
import type { YamlFile } from './yaml-file.js';
import type { Lexicon } from '../search/lexicon.js';

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number');

/** Validates and converts synonyms.yaml. Unknown keys and wrong shapes are problems. */
export function parseLexicon(yaml: YamlFile): { lexicon: Lexicon; problems: Problem[] } {
  const problems: Problem[] = [];
  const lexicon: Lexicon = { synonyms: {}, terms: [], fillers: [], stopwords: [], elsewhere: [] };
  const data = yaml.data as Record<string, unknown> | null;
  const bad = (segs: (string | number)[], field: string, message: string) =>
    problems.push({ file: yaml.file, line: yaml.lineOf(segs), field, message, severity: 'error' });
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    bad([], '', '应包含 synonyms、terms、fillers、stopwords、elsewhere 几部分');
    return { lexicon, problems };
  }
  for (const key of Object.keys(data)) {
    if (!['synonyms', 'terms', 'fillers', 'stopwords', 'elsewhere', 'contextual', 'complaint', 'facets'].includes(key)) bad([key], key, '不认识的部分');
  }
  const syn = data.synonyms ?? {};
  if (typeof syn !== 'object' || Array.isArray(syn) || syn === null) bad(['synonyms'], 'synonyms', '应为“标准词: [同义词, ...]”');
  else {
    for (const [k, v] of Object.entries(syn)) {
      if (!isStringList(v)) bad(['synonyms', k], `synonyms.${k}`, '同义词应为列表');
      else lexicon.synonyms[String(k)] = v.map(String);
    }
  }
  for (const key of ['terms', 'fillers', 'stopwords'] as const) {
    const v = data[key] ?? [];
    if (!isStringList(v)) bad([key], key, '应为文本列表');
    else lexicon[key] = v.map(String);
  }
  const elsewhere = data.elsewhere ?? [];
  if (!Array.isArray(elsewhere)) bad(['elsewhere'], 'elsewhere', '应为列表');
  else
    elsewhere.forEach((e: unknown, i) => {
      const o = e as Record<string, unknown> | null;
      if (!o || typeof o.department !== 'string' || !['string', 'number'].includes(typeof o.contact) || !isStringList(o.terms)) {
        bad(['elsewhere', i], `elsewhere[${i}]`, '每项应有 department、contact 和 terms（列表）');
      } else lexicon.elsewhere.push({ department: o.department, contact: String(o.contact), terms: o.terms.map(String) });
    });
  const contextual = data.contextual ?? [];
  if (!Array.isArray(contextual)) bad(['contextual'], 'contextual', '应为列表');
  else {
    lexicon.contextual = [];
    contextual.forEach((c: unknown, i) => {
      const o = c as Record<string, unknown> | null;
      if (!o || typeof o.word !== 'string' || typeof o.means !== 'string' || !o.word || !isStringList(o.unless)) {
        bad(['contextual', i], `contextual[${i}]`, '每项应有 word、means 和 unless（列表）');
      } else lexicon.contextual?.push({ word: o.word, means: o.means, unless: o.unless.map(String) });
    });
  }
  const complaint = data.complaint;
  if (complaint !== undefined) {
    const o = complaint as Record<string, unknown> | null;
    if (!o || typeof o !== 'object' || !isStringList(o.nuisance) || !isStringList(o.request))
      bad(['complaint'], 'complaint', '应有 nuisance 和 request 两个列表');
    else lexicon.complaint = { nuisance: o.nuisance.map(String), request: o.request.map(String) };
  }
  const facets = data.facets;
  if (facets !== undefined) {
    const families = facets as Record<string, unknown> | null;
    if (!families || typeof families !== 'object' || Array.isArray(families)) bad(['facets'], 'facets', '应为“类别: {取值: [词, ...]}”');
    else {
      lexicon.facets = {};
      for (const [family, values] of Object.entries(families)) {
        const v = values as Record<string, unknown> | null;
        if (!v || typeof v !== 'object' || Array.isArray(v) || !Object.values(v).every(isStringList)) {
          bad(['facets', family], `facets.${family}`, '应为“取值: [词, ...]”');
        } else lexicon.facets[family] = Object.fromEntries(Object.entries(v).map(([k, words]) => [k, (words as string[]).map(String)]));
      }
    }
  }
  return { lexicon, problems };
}
