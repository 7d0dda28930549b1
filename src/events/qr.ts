/** QR codes as SVG text or PNG bytes (the `qrcode` package, no network, no canvas). */
import QRCode from 'qrcode';

/** Error correction used for printed codes: M survives a smudge and keeps the code small. */
const LEVEL = 'M' as const;

/**
 * An SVG QR code of `text`; `margin` in modules (default: 2); `level` of error correction (default: M; L
 * keeps small codes of long links less dense). Safe to inline in HTML.
 */
export async function qrSvg(text: string, margin = 2, level: 'L' | 'M' = LEVEL): Promise<string> {
  return memo(`svg|${margin}|${level}|${text}`, () =>
    QRCode.toString(text, { type: 'svg', errorCorrectionLevel: level, margin, color: { dark: '#000000', light: '#ffffff' } }),
  );
}

/** A PNG QR code of `text`, `width` pixels wide (default: 512). */
export async function qrPng(text: string, width = 512): Promise<Buffer> {
  return memo(`png|${width}|${text}`, () => QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: LEVEL, margin: 2, width }));
}

/** QR codes made so far (a code depends only on its text): at most this many kept (default: 2000). */
const MEMO_MAX = 2000;
const made = new Map<string, Promise<string | Buffer>>();

/** The memoised result of `make` for `key` (a failed one is forgotten). */
function memo<T extends string | Buffer>(key: string, make: () => Promise<T>): Promise<T> {
  const hit = made.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  if (made.size >= MEMO_MAX) made.delete(made.keys().next().value as string);
  const p = make().catch((err: unknown) => {
    made.delete(key);
    throw err;
  });
  made.set(key, p);
  return p;
}
