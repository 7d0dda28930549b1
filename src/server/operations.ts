/**
 * What operators need from the running server: compression of text responses (@fastify/compress, gzip and
 * deflate above 1 KB) and GET /metrics in the Prometheus text format (prom-client, every name prefixed
 * `pufa_`): requests by route, method and status, request and reply latency, answers by status, question-log
 * write failures and knowledge reloads, plus Node's process metrics. /metrics is open to loopback clients
 * (a scraper on the same host) and otherwise needs a staff token (`Authorization: Bearer`); the route pattern
 * is recorded, never the URL as sent.
 */
import compress from '@fastify/compress';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { StaffAuth } from '../admin/staff-auth.js';
import { routeOf } from './request-log.js';

/** Where the metrics that are not HTTP come from (each default: not reported). */
export interface MetricsSources {
  /** Staff who may read /metrics from elsewhere than loopback. */
  auth?: StaffAuth;
  /** Questions that could not be written to the question log since start. */
  logWriteFailures?: () => number;
  /** Knowledge reloads since start, swapped in and refused. */
  knowledgeReloads?: () => { ok: number; failed: number };
}

/** Options of {@link operations}. */
export interface OperationsOptions {
  /** Compress text responses (default: true). */
  compress?: boolean;
  /** Serve GET /metrics (default: true). */
  metrics?: boolean;
  sources?: MetricsSources;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Whether the request comes straight from this host (not relayed by a proxy). */
export function fromLoopback(request: FastifyRequest): boolean {
  return LOOPBACK.has(request.socket.remoteAddress ?? '') && request.headers['x-forwarded-for'] === undefined;
}

/** Builds the registry and the HTTP hooks. */
function metricsOf(sources: MetricsSources) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'pufa_' });
  const requests = new Counter({
    name: 'pufa_http_requests_total',
    help: 'HTTP requests by route pattern, method and status',
    labelNames: ['route', 'method', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'pufa_http_request_duration_seconds',
    help: 'HTTP request duration by route pattern',
    labelNames: ['route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const reply = new Histogram({
    name: 'pufa_reply_latency_seconds',
    help: 'Time to answer a question on POST /api/ask',
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  const answers = new Counter({
    name: 'pufa_answers_total',
    help: 'Replies to questions by status (answered, clarify, fallback, smalltalk)',
    labelNames: ['status'],
    registers: [registry],
  });
  new Counter({
    name: 'pufa_question_log_write_failures_total',
    help: 'Questions answered but not recorded in the question log',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(sources.logWriteFailures?.() ?? 0);
    },
  });
  new Counter({
    name: 'pufa_knowledge_reloads_total',
    help: 'Reloads of the knowledge tree after hand edits, by result (ok: swapped in; failed: refused, the last good index kept)',
    labelNames: ['result'],
    registers: [registry],
    collect() {
      const r = sources.knowledgeReloads?.() ?? { ok: 0, failed: 0 };
      this.reset();
      this.inc({ result: 'ok' }, r.ok);
      this.inc({ result: 'failed' }, r.failed);
    },
  });
  return { registry, requests, duration, reply, answers };
}

async function plugin(app: FastifyInstance, o: OperationsOptions): Promise<void> {
  if (o.compress ?? true) await app.register(compress, { global: true, threshold: 1024, encodings: ['gzip', 'deflate'] });
  if (!(o.metrics ?? true)) return;
  const sources = o.sources ?? {};
  const m = metricsOf(sources);
  app.addHook('onSend', async (request, replyObj, payload) => {
    if (request.routeOptions?.url === '/api/ask' && replyObj.statusCode === 200 && typeof payload === 'string') {
      const status = /"status":"(answered|clarify|fallback|smalltalk)"/.exec(payload)?.[1];
      if (status) m.answers.inc({ status });
      m.reply.observe(replyObj.elapsedTime / 1000);
    }
    return payload;
  });
  app.addHook('onResponse', async (request, replyObj) => {
    const route = routeOf(request);
    m.requests.inc({ route, method: request.method, status: String(replyObj.statusCode) });
    m.duration.observe({ route }, replyObj.elapsedTime / 1000);
  });
  app.get('/metrics', async (request, replyObj) => {
    if (!fromLoopback(request) && !sources.auth?.identify(request.headers.authorization)) {
      return replyObj.code(401).header('cache-control', 'no-store').send({ error: '需要工作人员令牌（或从本机访问）。' });
    }
    return replyObj
      .header('cache-control', 'no-store')
      .type(m.registry.contentType)
      .send(await m.registry.metrics());
  });
}

/** Compression and /metrics for the whole app (register before the routes). */
export const operations = fp(plugin, { name: 'pufa-operations' });
