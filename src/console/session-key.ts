/**
 * The key that encrypts the console's session cookie, kept in DATA_DIR/console-session.key (mode 0600) so a
 * restart, or a second process on the same DATA_DIR, keeps clerks signed in. Deleting the file signs
 * everyone out at the next start.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The key file's name in DATA_DIR. */
export const SESSION_KEY_FILE = 'console-session.key';

/**
 * Reads the 32-byte key of `dataDir`, creating it (0600) the first time; a damaged file is replaced. Never
 * throws: when DATA_DIR cannot be written, `onError` hears why and a key for this process only is returned
 * (clerks are then signed out by a restart, nothing else breaks).
 */
export function consoleSessionKey(dataDir: string, onError: (err: unknown) => void = () => undefined): Buffer {
  try {
    return keyOf(dataDir);
  } catch (err) {
    onError(err);
    return randomBytes(32);
  }
}

function keyOf(dataDir: string): Buffer {
  const file = path.join(dataDir, SESSION_KEY_FILE);
  const read = (): Buffer | undefined => {
    try {
      const hex = readFileSync(file, 'utf8').trim();
      return /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : undefined;
    } catch {
      return undefined;
    }
  };
  let key = read();
  if (!key) {
    mkdirSync(dataDir, { recursive: true });
    key = randomBytes(32);
    try {
      writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch {
      // Created meanwhile by another process, or damaged: use the file's key if it is valid, else rewrite it.
      const other = read();
      if (other) key = other;
      else writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600 });
    }
  }
  chmodSync(file, 0o600);
  return key;
}
