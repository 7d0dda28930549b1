/**
 * `npm run report -- --from 2024-01-01 --to 2024-12-31 [--out dir]`: writes the 普法 section of the annual report
 * (report.md) and its CSV tables from the question log, the events and the audit trail under DATA_DIR.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../store/database.js';
import { loadEvents } from '../events/load.js';
import { EventRegistry } from '../events/registry.js';
import { buildAnnualReport } from '../insights/annual-report.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } } });
if (!values.from || !values.to || !DATE.test(values.from) || !DATE.test(values.to) || values.from > values.to) {
  console.error('用法: npm run report -- --from 2024-01-01 --to 2024-12-31 [--out 目录]（日期写成 YYYY-MM-DD，起始不晚于结束）');
  process.exit(2);
}
const config = loadConfig();
const db = openDatabase(path.join(config.dataDir, 'pufa.db'));
const { events } = await loadEvents(config.knowledgeDir);
const registry = new EventRegistry(events, db);
const { files, stats } = buildAnnualReport(db, values.from, values.to, registry.list(), config.bureauName);
const out = path.resolve(values.out ?? path.join(config.dataDir, 'reports', `${values.from}_${values.to}`));
await mkdir(out, { recursive: true });
for (const [name, text] of Object.entries(files)) await writeFile(path.join(out, name), text);
db.close();
console.log(`${out}: ${Object.keys(files).join(', ')}（咨询 ${stats.questions} 个，解答率 ${(stats.answeredRate * 100).toFixed(1)}%）`);
