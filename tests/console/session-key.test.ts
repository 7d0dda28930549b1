import { mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleSessionKey, SESSION_KEY_FILE } from '../../src/console/session-key.js';

describe('consoleSessionKey', () => {
  it('creates a 0600 key file once and returns the same key afterwards (a restart keeps clerks signed in)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pufa-key-'));
    const a = consoleSessionKey(dir);
    const b = consoleSessionKey(dir);
    expect(a.length).toBe(32);
    expect(b.equals(a)).toBe(true);
    expect(statSync(path.join(dir, SESSION_KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it('replaces a damaged file, and never throws when DATA_DIR cannot be written', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pufa-key-'));
    writeFileSync(path.join(dir, SESSION_KEY_FILE), 'garbage');
    const key = consoleSessionKey(dir);
    expect(readFileSync(path.join(dir, SESSION_KEY_FILE), 'utf8').trim()).toBe(key.toString('hex'));
    const errors: unknown[] = [];
    const blocked = path.join(dir, 'file-not-dir');
    writeFileSync(blocked, 'x');
    chmodSync(blocked, 0o400);
    const k = consoleSessionKey(path.join(blocked, 'sub'), (e) => errors.push(e));
    expect(k.length).toBe(32);
    expect(errors).toHaveLength(1);
  });
});
