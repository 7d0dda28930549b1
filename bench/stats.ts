/**
 * `npm run bench:stats [-- --rows 1000000 --distinct 2000]`: fills a question log in a temporary DATA_DIR
 * with `rows` questions over 364 China days (70 % answered, 15 % fallback, 10 % clarify, 5 % smalltalk,
 * `distinct` unanswered wordings, 200,000 askers, 5 % rated), then times GET /api/admin/stats and
 * GET /api/admin/gaps for 90 days and a year on the running server, with the event loop's maximum delay
 * (perf_hooks.monitorEventLoopDelay) and the latency of /healthz probed from another process every 20 ms
 * while they run. A second fill with `--flood` distinct one-off wordings shows that gaps stay bounded.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createAdmin } from '../src/admin/admin.js';
import { AnswerEngine } from '../src/engine/engine.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { buildApp } from '../src/server/app.js';
import { AskService } from '../src/service/ask-service.js';
import { openDatabase } from '../src/store/database.js';
import { QuestionLog } from '../src/store/question-log.js';
import { addDays, chinaDay } from '../src/time/china-day.js';
import { random } from './synthetic.js';

const { values } = parseArgs({ options: { rows: { type: 'string' }, distinct: { type: 'string' }, flood: { type: 'string' }, knowledge: { type: 'string' } } });
const ROWS = Number(values.rows ?? 1_000_000);
const DISTINCT = Number(values.distinct ?? 2000);
const FLOOD = Number(values.flood ?? 100_000);
const KNOWLEDGE = values.knowledge ?? 'knowledge';
const TOKEN = 'bench-token-0123456789';
const now = new Date();
const today = chinaDay(now);
const f = (n: number, d = 0) => n.toFixed(d);

const knowledgeTree = await loadKnowledge(KNOWLEDGE, today);
const engine = new AnswerEngine(knowledgeTree);
const topics = ['permit', 'emission', 'eia', 'inspection', 'penalty', 'complaint', 'waste', 'noise', 'tax'];
const channels = ['web', 'web', 'web', 'telegram', 'api'] as const;
const cjk = (n: number, seed: number) => {
  let s = '';
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    s += String.fromCodePoint(0x4e00 + (x % 3000));
  }
  return s;
};

/** Fills `log` with `rows` questions; `wordings` distinct unanswered questions. Returns the fill time in s. */
function fill(log: QuestionLog, rows: number, wordings: number): number {
  const rnd = random(13);
  // Questions arrive in time order, as in the running service.
  const times = Float64Array.from({ length: rows }, () => now.getTime() - rnd() * 364 * 86_400_000).sort();
  const t0 = performance.now();
  const batch = log.db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const at = new Date(times[i]).toISOString();
      const r = rnd();
      const status = r < 0.7 ? 'answered' : r < 0.85 ? 'fallback' : r < 0.95 ? 'clarify' : 'smalltalk';
      const topic = status === 'answered' ? topics[i % topics.length] : undefined;
      const q = status === 'fallback' || status === 'clarify' ? cjk(8 + (i % 7), (i % wordings) + 1) : '排污许可证有效期多久';
      const id = log.record({
        at,
        channel: channels[i % 5],
        event: i % 50 === 0 ? 'wed2026' : undefined,
        question: q,
        normalized: q,
        status,
        entryId: topic ? 'permit-validity' : undefined,
        topic,
        score: 0.5,
        latencyMs: 3,
        user: `u${i % 200_000}`,
      });
      if (rnd() < 0.05) log.feedback(id, rnd() < 0.8);
    }
  });
  for (let i = 0; i < rows; i += 10_000) batch(i, Math.min(rows, i + 10_000));
  return (performance.now() - t0) / 1000;
}

/** A /healthz prober in another process; resolves with its latencies (ms) when stopped. */
function prober(url: string): { stop: () => Promise<number[]> } {
  const code = `const lat=[];let on=true;process.on('message',()=>{on=false});(async()=>{while(on){const t=performance.now();try{await fetch(${JSON.stringify(url)});}catch{}lat.push(performance.now()-t);await new Promise(r=>setTimeout(r,20));}process.send(lat);process.exit(0)})()`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return {
    stop: () =>
      new Promise((resolve) => {
        child.once('message', (m) => resolve(m as number[]));
        child.send('stop');
      }),
  };
}

async function run(label: string, rows: number, wordings: number) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pufa-bench-stats-'));
  try {
    const db = openDatabase(path.join(dataDir, 'pufa.db'));
    const log = new QuestionLog(db);
    const fillS = fill(log, rows, wordings);
    const admin = await createAdmin({
      knowledgeDir: KNOWLEDGE,
      dataDir,
      staffTokens: [{ name: 'bench', token: TOKEN }],
      engine,
      knowledge: knowledgeTree,
      db,
      watch: false,
    });
    const app = await buildApp({ engine, service: new AskService(engine, log), admin, rateLimitPerMinute: 0 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const results: Record<string, unknown>[] = [];
    for (const [name, days] of [
      ['stats', 90],
      ['stats', 365],
      ['gaps', 90],
      ['gaps', 365],
    ] as const) {
      const url = `${base}/api/admin/${name}?from=${addDays(today, -(days - 1))}&to=${today}`;
      const first = performance.now();
      await (await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } })).text(); // warms the page cache (and the month cache of gaps)
      const firstMs = performance.now() - first;
      const probe = prober(`${base}/healthz`);
      await new Promise((r) => setTimeout(r, 300));
      const h = monitorEventLoopDelay({ resolution: 10 });
      h.enable();
      const times: number[] = [];
      const cpu0 = process.cpuUsage();
      let body = '';
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        const res = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
        body = await res.text();
        times.push(performance.now() - t);
      }
      const cpu = process.cpuUsage(cpu0);
      h.disable();
      await new Promise((r) => setTimeout(r, 100));
      const probes = await probe.stop();
      const summary =
        name === 'stats' ? `questions ${JSON.parse(body).questions}, askers ${JSON.parse(body).uniqueAskers}` : `${JSON.parse(body).gaps.length} gaps`;
      results.push({
        call: `${name} ${days} d`,
        firstMs: f(firstMs),
        cpuMs: f((cpu.user + cpu.system) / 1000 / 5),
        medianMs: f(times.sort((a, b) => a - b)[2]),
        maxMs: f(times[4]),
        loopMaxMs: f(h.max / 1e6),
        healthzMaxMs: f(Math.max(...probes)),
        healthzProbes: probes.length,
        result: summary,
      });
    }
    await app.close();
    await admin.close();
    db.close();
    console.log(
      `\n${label}: ${rows.toLocaleString('en')} rows (${wordings.toLocaleString('en')} distinct unanswered wordings), filled through QuestionLog.record in ${f(fillS, 1)} s`,
    );
    console.log(
      `load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' / ')} on ${os.cpus().length} cores`,
    );
    console.log(
      '| call | first call (ms) | median (ms) | max of 5 (ms) | server CPU per call (ms) | event-loop max delay (ms) | /healthz max (ms) | result |\n|---|---|---|---|---|---|---|---|',
    );
    for (const r of results)
      console.log(
        `| ${r.call} | ${r.firstMs} | ${r.medianMs} | ${r.maxMs} | ${r.cpuMs} | ${r.loopMaxMs} | ${r.healthzMaxMs} (${r.healthzProbes} probes) | ${r.result} |`,
      );
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

console.log(`node ${process.version}, knowledge ${KNOWLEDGE} (${engine.size} entries), today ${today} (China)`);
await run('typical log', ROWS, DISTINCT);
if (FLOOD > 0) await run('distinct flood', Math.max(FLOOD * 2, 200_000), FLOOD);
