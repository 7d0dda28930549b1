/**
 * Slow end-to-end test: builds the project and starts it exactly as the Docker image's CMD does
 * (`node dist/main.js`), on its embedded defaults plus a free port, then talks HTTP to it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, waitFor } from '../helpers/net.js';

const root = path.resolve(import.meta.dirname, '../..');
let child: ChildProcess;
let base: string;
let output = '';

describe('npm start (node dist/main.js) [slow]', () => {
  beforeAll(async () => {
    const cmd = /CMD \["node", "dist\/main.js"\]/.test(readFileSync(path.join(root, 'Dockerfile'), 'utf8'));
    expect(cmd, 'Dockerfile CMD must be node dist/main.js').toBe(true);
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe' });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'pufa-data-')), LOG_LEVEL: 'info' };
    delete (env as NodeJS.ProcessEnv).TELEGRAM_BOT_TOKEN;
    child = spawn('node', ['dist/main.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    await waitFor(async () => (await fetch(`${base}/healthz`)).ok, 30_000);
  });
  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it('serves /healthz with the real knowledge', async () => {
    const body = await (await fetch(`${base}/healthz`)).json();
    expect(body.status).toBe('ok');
    expect(body.entries).toBeGreaterThanOrEqual(150);
  });

  it('answers a question over HTTP with the fact and its basis', async () => {
    const r = await fetch(`${base}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: '排污许可证的有效期是多长时间' }),
    });
    const body = await r.json();
    expect(body.status).toBe('answered');
    expect(body.text).toMatch(/5年/);
    expect(body.text).toContain('《排污许可管理条例》第十四条');
  });

  it('logs that the Telegram channel is off without a token', () => {
    expect(output).toContain('Telegram channel is off');
  });
});

describe('start-up with bad settings or knowledge [slow]', () => {
  const run = (env: Record<string, string>) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const p = spawn('node', ['dist/main.js'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      p.stdout.on('data', (d) => (out += d));
      p.stderr.on('data', (d) => (out += d));
      p.on('exit', (code) => resolve({ code, out }));
    });

  it('stops with a message naming a wrong variable', async () => {
    const r = await run({ PORT: 'abc' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('PORT');
  });

  it('refuses an invalid knowledge tree and lists the problems', async () => {
    const r = await run({ KNOWLEDGE_DIR: path.join(root, 'tests/fixtures/broken-knowledge'), PORT: '0' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('faq/bad.yaml:3 topic: 主题不存在');
  });
});
