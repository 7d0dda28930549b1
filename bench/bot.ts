/**
 * `npm run bench:bot`: updates per second handled through the Telegram webhook route (grammY's Fastify
 * adapter, every outgoing Bot API call captured in-process, no network) against POST /api/ask in the same
 * run, with the same question and the real knowledge. Target: the Telegram path costs at most 1.5× the API path.
 */
import autocannon from 'autocannon';
import { createBot } from '../src/bot/bot.js';
import { AnswerEngine } from '../src/engine/engine.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { todayInChina } from '../src/knowledge/validity.js';
import { buildApp } from '../src/server/app.js';
import { AskService } from '../src/service/ask-service.js';
import { openDatabase } from '../src/store/database.js';
import { QuestionLog } from '../src/store/question-log.js';

const QUESTION = '排污许可证过期了还没续，现在怎么办';
const SECRET = 'bench-secret-0123456789';
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

const engine = new AnswerEngine(await loadKnowledge('knowledge', todayInChina()));
const service = new AskService(engine, new QuestionLog(openDatabase(':memory:')));
const bot = createBot(
  '123456:BENCH-token-abcdefghijklmnop',
  { service },
  {
    botInfo: {
      id: 42,
      is_bot: true,
      first_name: '环保普法助手',
      username: 'pufa_bench_bot',
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    } as never,
  },
);
let calls = 0;
bot.api.config.use(async (_prev, method, payload) => {
  calls++;
  const p = payload as { chat_id?: number; text?: string };
  return {
    ok: true,
    result: method === 'sendMessage' ? { message_id: calls, date: 0, chat: { id: p.chat_id, type: 'private' }, text: p.text } : true,
  } as never;
});
const app = await buildApp({ engine, service, rateLimitPerMinute: 0, telegram: { bot, secret: SECRET } });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

let updateId = 1;
/** A private text message from one of 100,000 users (the bot's per-user rate limit must not kick in). */
function update(): string {
  const id = updateId++;
  const user = 100_000 + (id % 100_000);
  return JSON.stringify({
    update_id: id,
    message: {
      message_id: id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: user, type: 'private', first_name: '用户' },
      from: { id: user, is_bot: false, first_name: '用户' },
      text: QUESTION,
    },
  });
}

const run = (opts: autocannon.Options) =>
  new Promise<autocannon.Result>((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));
const common = { duration: DURATION, connections: 10, method: 'POST' as const };
const api = await run({ ...common, url: `${base}/api/ask`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: QUESTION }) });
const tg = await run({
  ...common,
  url: `${base}/telegram/webhook`,
  headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
  requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, body: update() }) }],
});
console.log(`node ${process.version}; ${DURATION} s each, 10 connections, question “${QUESTION}”\n`);
console.log('| path | req/s (mean) | latency p50 (ms) | p99 (ms) | non-2xx |\n|---|---|---|---|---|');
console.log(`| POST /api/ask | ${api.requests.average.toFixed(0)} | ${api.latency.p50} | ${api.latency.p99} | ${api.non2xx} |`);
console.log(`| POST /telegram/webhook (update → reply captured) | ${tg.requests.average.toFixed(0)} | ${tg.latency.p50} | ${tg.latency.p99} | ${tg.non2xx} |`);
console.log(`\nBot API calls captured: ${calls}`);
console.log(`cost ratio Telegram ÷ API (inverse throughput): ${(api.requests.average / tg.requests.average).toFixed(2)} (target ≤ 1.5)`);
await app.close();
