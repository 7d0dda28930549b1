import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('TELEGRAM_BOT_USERNAME', () => {
  it('is optional and accepts a username with or without @', () => {
    expect(loadConfig({}).telegramBotUsername).toBeUndefined();
    expect(loadConfig({ TELEGRAM_BOT_USERNAME: ' ' }).telegramBotUsername).toBeUndefined();
    expect(loadConfig({ TELEGRAM_BOT_USERNAME: '@weidu_pufa_bot' }).telegramBotUsername).toBe('weidu_pufa_bot');
  });

  it('stops start-up on a malformed username, naming the variable', () => {
    for (const bad of ['https://t.me/x_bot', 'pufa bot', '1pufa', 'ab']) {
      try {
        loadConfig({ TELEGRAM_BOT_USERNAME: bad });
        expect.unreachable(bad);
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        expect((err as ConfigError).variable).toBe('TELEGRAM_BOT_USERNAME');
      }
    }
  });
});
