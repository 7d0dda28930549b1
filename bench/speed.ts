/**
 * `npm run bench:speed [-- --sizes 10000,100000 --skip-http --index-answers --dir knowledge]`: in-process reply latency, index build time and heap
 * for the real knowledge and synthetic corpora, start-up time to ready, and HTTP throughput of POST /api/ask
 * against a bare Fastify route, all against baselines measured in the same run.
 * Run with `node --expose-gc` (the npm script does) so heap figures are measured after a collection.
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { loadKnowledge, type Knowledge } from '../src/knowledge/load.js';
import { todayInChina } from '../src/knowledge/validity.js';
import { AnswerEngine } from '../src/engine/engine.js';
import type { AnalyzerOptions } from '../src/search/analyzer.js';
import { buildApp } from '../src/server/app.js';
import { readEvalSet } from './dev-set.js';
import { random, syntheticEntries } from './synthetic.js';
import { freePort, waitFor } from '../tests/helpers/net.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    'skip-http': { type: 'boolean' },
    queries: { type: 'string' },
    'index-answers': { type: 'boolean' },
    // The knowledge directory (default: knowledge), e.g. an older tree's, to time two engines on one corpus.
    dir: { type: 'string' },
  },
});
const sizes = (values.sizes ?? '10000,100000').split(',').filter(Boolean).map(Number);
const nQueries = Number(values.queries ?? 1000);
const BASELINE: Partial<AnalyzerOptions> = { fold: false, fillers: false, synonyms: false, dictionary: false, stopwords: false, cjk: 'whitespace' };

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const f = (n: number, d = 2) => n.toFixed(d);

const knowledge = await loadKnowledge(values.dir ?? 'knowledge', todayInChina());
const published = knowledge.entries.filter((e) => e.status === 'published');

/** 1,000 varied questions: the eval set, every title and 相似问, and noisy variants of them. */
function questions(): string[] {
  const set = readEvalSet();
  const base = [...set.inScope, ...set.outOfScope].map((i) => i.q).concat(published.flatMap((e) => [e.title, ...e.questions]));
  const rnd = random(7);
  const noise = ['请问', '你好，', '我们厂', '老师，', '', '', '急！'];
  const out: string[] = [];
  for (let i = 0; out.length < nQueries; i++) {
    const q = base[i % base.length];
    out.push(i < base.length ? q : `${noise[Math.floor(rnd() * noise.length)]}${q.slice(0, Math.max(2, Math.floor(q.length * (0.5 + rnd() / 2))))}`);
  }
  return out;
}
const qs = questions();

function measure(k: Knowledge, analyzer: Partial<AnalyzerOptions>) {
  const before = heapMb();
  const t0 = performance.now();
  const engine = new AnswerEngine(k, { analyzer, indexAnswers: values['index-answers'] ?? false });
  const buildMs = performance.now() - t0;
  const heap = heapMb() - before;
  for (const q of qs.slice(0, 50)) engine.ask(q); // warm-up
  const lat: number[] = [];
  for (const q of qs) {
    const s = performance.now();
    engine.ask(q);
    lat.push(performance.now() - s);
  }
  return { buildMs, heap, p50: pct(lat, 50), p99: pct(lat, 99), engine };
}

console.log(`node ${process.version}, ${qs.length} questions\n`);
console.log('| corpus | entries | pipeline | build (s) | heap (MB) | p50 (ms) | p99 (ms) |\n|---|---|---|---|---|---|---|');
const rows: { corpus: string; ours: ReturnType<typeof measure>; base: ReturnType<typeof measure> }[] = [];
for (const [corpus, k] of [
  ['real', knowledge] as const,
  ...sizes.map((n) => [`synthetic ${n}`, { ...knowledge, entries: syntheticEntries(published, n) }] as const),
]) {
  const n = k.entries.filter((e) => e.status === 'published').length;
  const base = measure(k, BASELINE);
  console.log(`| ${corpus} | ${n} | MiniSearch default tokenizer | ${f(base.buildMs / 1000)} | ${f(base.heap, 0)} | ${f(base.p50, 3)} | ${f(base.p99, 3)} |`);
  base.engine = undefined as never;
  const ours = measure(k, {});
  console.log(`| ${corpus} | ${n} | pufa-bot analyzer | ${f(ours.buildMs / 1000)} | ${f(ours.heap, 0)} | ${f(ours.p50, 3)} | ${f(ours.p99, 3)} |`);
  ours.engine = undefined as never;
  rows.push({ corpus, ours, base });
}
console.log('\n| corpus | build ratio (ours / default) | p50 ratio | p99 ratio |\n|---|---|---|---|');
for (const r of rows) console.log(`| ${r.corpus} | ${f(r.ours.buildMs / r.base.buildMs)} | ${f(r.ours.p50 / r.base.p50)} | ${f(r.ours.p99 / r.base.p99)} |`);

// Start-up time: `node dist/main.js` (run `npm run build` first) until /healthz answers.
const port = await freePort();
const t0 = performance.now();
const child = spawn('node', ['dist/main.js'], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, stdio: 'ignore' });
await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 60_000);
console.log(`\nstart-up to ready (node dist/main.js → /healthz 200): ${f((performance.now() - t0) / 1000)} s`);
child.kill('SIGTERM');

if (!values['skip-http']) {
  const run = (url: string, body?: string) =>
    new Promise<autocannon.Result>((resolve, reject) =>
      autocannon(
        { url, method: 'POST', duration: 10, connections: 10, headers: { 'content-type': 'application/json' }, body: body ?? '{"question":"x"}' },
        (err, res) => (err ? reject(err) : resolve(res)),
      ),
    );
  const bare = Fastify();
  bare.post('/bare', async () => ({ status: 'ok' }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const app = await buildApp({ engine: new AnswerEngine(knowledge), rateLimitPerMinute: 0 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/bare`;
  const askUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/ask`;
  const b = await run(bareUrl);
  const a = await run(askUrl, JSON.stringify({ question: '排污许可证过期了还没续，现在怎么办' }));
  console.log(`\nHTTP (autocannon, 10 connections, 10 s each, same process):`);
  console.log(`| route | req/s (mean) | latency p50 (ms) | p99 (ms) |\n|---|---|---|---|`);
  console.log(`| bare Fastify route (constant) | ${f(b.requests.average, 0)} | ${b.latency.p50} | ${b.latency.p99} |`);
  console.log(`| POST /api/ask | ${f(a.requests.average, 0)} | ${a.latency.p50} | ${a.latency.p99} |`);
  console.log(`ratio /api/ask ÷ bare: ${f(a.requests.average / b.requests.average)}`);
  await app.close();
  await bare.close();
}
