/**
 * `npm run bench:venue [-- --users 100 --questions 3 --seconds 60]`: an outreach event behind one venue
 * address. A local server on 127.0.0.1 with the default limits (and the real knowledge); `users` people, all
 * from the one address 127.0.0.50, each with their own web-chat conversation, ask `questions` questions at
 * random moments within `seconds`. Reports how many were answered (the target is at least 99 %), the 429s,
 * and reply latency; then a flood from one address rotating session ids, to show the per-address ceiling holds.
 */
import http from 'node:http';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/runtime.js';
import { buildApp } from '../src/server/app.js';
import { random } from './synthetic.js';

const { values } = parseArgs({ options: { users: { type: 'string' }, questions: { type: 'string' }, seconds: { type: 'string' } } });
const USERS = Number(values.users ?? 100);
const QUESTIONS = Number(values.questions ?? 3);
const SECONDS = Number(values.seconds ?? 60);
const qs = [
  '排污许可证有效期多久',
  '危险废物怎么贮存',
  '夜间噪声标准是多少',
  '环评批复后多久要验收',
  '环保税怎么申报',
  '被罚款了怎么申请听证',
  '12369举报后多久处理',
  '排污登记表怎么填',
];

const { engine } = await createEngine({ knowledgeDir: 'knowledge', bureauName: '魏都区生态环境局', bureauPhone: '', bureauHours: '' });
const app = await buildApp({ engine });
await app.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.address() as { port: number }).port;

function ask(session: string, question: string, localAddress = '127.0.0.50'): Promise<{ code: number; ms: number }> {
  const body = JSON.stringify({ question, session, channel: 'web', event: 'venue' });
  const t = performance.now();
  return new Promise((resolve) => {
    const r = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/ask',
        localAddress,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ code: res.statusCode ?? 0, ms: performance.now() - t }));
      },
    );
    r.on('error', () => resolve({ code: 0, ms: performance.now() - t }));
    r.end(body);
  });
}

const rnd = random(11);
const codes: Record<string, number> = {};
const latencies: number[] = [];
const started = performance.now();
await Promise.all(
  Array.from({ length: USERS }, async (_, u) => {
    const moments = Array.from({ length: QUESTIONS }, () => rnd() * SECONDS * 1000).sort((a, b) => a - b);
    for (const [i, at] of moments.entries()) {
      const wait = at - (performance.now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const r = await ask(`venue-${u}`, qs[(u + i) % qs.length]);
      codes[r.code] = (codes[r.code] ?? 0) + 1;
      latencies.push(r.ms);
    }
  }),
);
const sent = USERS * QUESTIONS;
latencies.sort((a, b) => a - b);
const venue = {
  users: USERS,
  questionsEach: QUESTIONS,
  withinSeconds: SECONDS,
  address: '127.0.0.50',
  sent,
  codes,
  answeredRate: ((codes[200] ?? 0) / sent).toFixed(4),
  p50ms: latencies[Math.floor(sent / 2)].toFixed(1),
  p99ms: latencies[Math.floor(sent * 0.99)].toFixed(1),
  maxMs: latencies[sent - 1].toFixed(1),
};
console.log(JSON.stringify({ venue }));

// A flood: one address, a new session id for every request, 6,000 requests as fast as 20 connections go (over the per-address ceiling of 4,000 a minute).
const flood: Record<string, number> = {};
let next = 0;
await Promise.all(
  Array.from({ length: 20 }, async () => {
    while (next < 6000) {
      const r = await ask(`flood-${next++}`, '排污许可证', '127.0.0.60');
      flood[r.code] = (flood[r.code] ?? 0) + 1;
    }
  }),
);
console.log(JSON.stringify({ flood: { address: '127.0.0.60', sent: 6000, codes: flood } }));
await app.close();
const ok = Number(venue.answeredRate) >= 0.99;
console.log(ok ? 'venue target met (>= 99 % answered)' : 'venue target MISSED (< 99 % answered)');
process.exit(ok ? 0 : 1);
