/**
 * `npx tsx bench/console-weight.ts`: the staff console's page weight, as the server sends it. Builds the app on
 * the real knowledge with two staff members (no listening: fastify.inject), fetches /admin and every asset the
 * page references, raw and with `Accept-Encoding: gzip` (whether the server compresses depends on the app's
 * compression plugin), then the JSON of each view's first request after sign-in. Prints a Markdown table.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createAdmin } from '../src/admin/admin.js';
import { loadOutreach } from '../src/events/setup.js';
import { createEngine } from '../src/runtime.js';
import { buildApp } from '../src/server/app.js';
import { AskService } from '../src/service/ask-service.js';
import { openDatabase } from '../src/store/database.js';
import { QuestionLog } from '../src/store/question-log.js';
import { SESSION_COOKIE } from '../src/console/session.js';

const knowledgeDir = path.resolve('knowledge');
const dataDir = await mkdtemp(path.join(tmpdir(), 'pufa-weight-'));
const { engine, knowledge } = await createEngine({ knowledgeDir, bureauName: '魏都区生态环境局', bureauPhone: '', bureauHours: '' });
const db = openDatabase(path.join(dataDir, 'pufa.db'));
const log = new QuestionLog(db);
const staff = [{ name: '张三', token: 'weight-token-0123456789' }];
const admin = await createAdmin({ knowledgeDir, dataDir, staffTokens: staff, engine, knowledge, db, watch: false });
const outreach = await loadOutreach({ knowledgeDir, sources: knowledge.sources, today: engine.options.today(), db });
const app = await buildApp({ engine, service: new AskService(engine, log), admin, outreach, rateLimitPerMinute: 0 });

const rows: [string, number, number, string][] = [];
const get = async (url: string, cookie = '') => {
  const cookies: Record<string, string> = cookie ? { [SESSION_COOKIE]: cookie } : {};
  const raw = await app.inject({ method: 'GET', url, cookies });
  const gz = await app.inject({ method: 'GET', url, cookies, headers: { 'accept-encoding': 'gzip' } });
  const sent = gz.headers['content-encoding'] ? gz.rawPayload.length : gzipSync(raw.rawPayload, { level: 9 }).length;
  rows.push([
    url,
    raw.rawPayload.length,
    sent,
    gz.headers['content-encoding'] ? `${gz.headers['content-encoding']} (server)` : 'gzip -9 (not compressed by the server)',
  ]);
  return raw;
};

const page = await get('/admin');
for (const m of page.body.matchAll(/(?:src|href)="(\/admin\/assets\/[^"]+)"/g)) await get(m[1]);
const shell = rows.slice();

// Sign in, then the data each view loads first.
const session = await app.inject({ method: 'GET', url: '/admin/session' });
let cookie = session.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
const login = await app.inject({
  method: 'POST',
  url: '/admin/login',
  cookies: { [SESSION_COOKIE]: cookie },
  headers: { 'x-csrf-token': session.json().csrf },
  payload: { token: staff[0].token },
});
cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
for (const url of [
  '/api/admin/console/form',
  '/api/admin/console/entries',
  '/api/admin/console/review',
  '/api/admin/gaps',
  '/api/admin/stats',
  '/api/admin/events',
])
  await get(url, cookie);

const sum = (r: typeof rows) => r.reduce((a, x) => [a[0] + x[1], a[1] + x[2]], [0, 0]);
console.log('| request | bytes | compressed | how |\n|---|---:|---:|---|');
for (const r of rows) console.log(`| ${r[0]} | ${r[1]} | ${r[2]} | ${r[3]} |`);
const [raw, gz] = sum(shell);
console.log(`\nPage (HTML+CSS+JS, the same for every view): ${raw} bytes, ${gz} compressed; ${knowledge.entries.length} entries in the tree.`);
await admin.close();
await app.close();
db.close();
await rm(dataDir, { recursive: true, force: true });
