/**
 * The salt of the askers' pseudonyms (`user_hash`), kept OUT of the database: in the key file
 * `user-hash.key` next to the database (DATA_DIR, mode 0600), so a copy of `pufa.db` alone cannot be turned
 * back into Telegram ids or session ids by trying them all. An older database's salt (`meta.user_salt`) is
 * moved into the file once, so existing hashes stay comparable.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from './database.js';

/** The key file's name, in the database's folder. */
export const USER_SALT_FILE = 'user-hash.key';

const salts = new WeakMap<Db, string>();

function legacySalt(db: Db): string | undefined {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'user_salt'").get() as { value: string } | undefined;
  return row?.value;
}

/** Reads (or creates) the key file of a database file; moves a legacy salt out of the database. */
function fileSalt(db: Db, file: string): string {
  let salt: string | undefined;
  try {
    salt = readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    /* not created yet */
  }
  if (!salt) {
    salt = legacySalt(db) ?? randomBytes(32).toString('hex');
    try {
      writeFileSync(file, `${salt}\n`, { mode: 0o600, flag: 'wx' });
    } catch {
      salt = readFileSync(file, 'utf8').trim(); // created meanwhile by another handle
    }
  }
  chmodSync(file, 0o600);
  db.prepare("DELETE FROM meta WHERE key = 'user_salt'").run();
  return salt;
}

/**
 * The salt for a database handle: from the key file next to a file database, or a random one per handle for
 * an in-memory database (tests).
 */
export function userSaltOf(db: Db): string {
  let salt = salts.get(db);
  if (salt) return salt;
  salt = db.memory ? randomBytes(32).toString('hex') : fileSalt(db, path.join(path.dirname(db.name), USER_SALT_FILE));
  salts.set(db, salt);
  return salt;
}
