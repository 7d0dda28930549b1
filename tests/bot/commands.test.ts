import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { BOT_COMMANDS, registerCommands } from '../../src/bot/commands.js';
import { redactToken } from '../../src/bot/safe-error.js';
import { TOKEN, testBot } from './harness.js';

describe('setMyCommands', () => {
  it('registers the commands with Chinese descriptions', async () => {
    const { bot, calls } = await testBot();
    expect(await registerCommands(bot.api, pino({ level: 'silent' }), TOKEN)).toBe(true);
    const call = calls.find((c) => c.method === 'setMyCommands')!;
    expect(call.payload.commands).toEqual(BOT_COMMANDS);
    for (const c of BOT_COMMANDS) expect(c.description).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a rejected call is logged and not fatal', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (l: string) => void lines.push(l) });
    const { bot } = await testBot({}, (m) => m === 'setMyCommands');
    await expect(registerCommands(bot.api, logger, TOKEN)).resolves.toBe(false);
    expect(lines.some((l) => l.includes('setMyCommands failed'))).toBe(true);
  });
});

describe('redactToken', () => {
  it('removes the token and its secret part from any text', () => {
    const text = `request to http://x/bot${TOKEN}/getMe failed; secret ${TOKEN.split(':')[1]}`;
    const out = redactToken(text, TOKEN);
    expect(out).not.toContain(TOKEN.split(':')[1]);
    expect(out).toContain('bot<token>/getMe');
  });
});
