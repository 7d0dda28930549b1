import { describe, expect, it, vi } from 'vitest';
import { guardRejections, startFailureMessage } from '../../src/start/process-guard.js';

describe('process guards', () => {
  it('logs an unhandled rejection instead of ending the process', async () => {
    const logger = { error: vi.fn() };
    const off = guardRejections(logger);
    try {
      process.emit('unhandledRejection', new Error('watcher blew up'), Promise.resolve());
      expect(logger.error).toHaveBeenCalledWith(expect.objectContaining({ err: expect.objectContaining({ message: 'watcher blew up' }) }), expect.any(String));
    } finally {
      off();
    }
  });

  it('tells a start-up failure in one line', () => {
    const err = Object.assign(new Error('listen EADDRINUSE: address already in use 0.0.0.0:3000'), { code: 'EADDRINUSE' });
    expect(startFailureMessage(err)).toMatch(/^启动失败：端口已被占用.*EADDRINUSE/);
    expect(startFailureMessage(new TypeError('x'))).toBe('启动失败：TypeError: x');
  });
});
