/** Receipt codes of visitors' messages: short, random, easy to read aloud and type on a phone. */
import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be confused (no 0/O, 1/I/L). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Pattern of a receipt code as shown: four characters, a hyphen, four characters. */
export const RECEIPT_CODE_PATTERN = '^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$';

/** A new random receipt code such as `K7Q3-M9XP` (31^8 ≈ 8.5 × 10^11 codes, drawn with a CSPRNG). */
export function newReceiptCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** A typed code in its canonical form (upper case, hyphen restored), or undefined when it cannot be one. */
export function normalizeReceiptCode(raw: string): string | undefined {
  const s = raw.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[2-9A-HJKMNP-Z]{8}$/.test(s)) return undefined;
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}
