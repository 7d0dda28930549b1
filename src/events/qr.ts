/** QR codes as SVG text or PNG bytes (the `qrcode` package, no network, no canvas). */
import QRCode from 'qrcode';

/** Error correction used for printed codes: M survives a smudge and keeps the code small. */
const LEVEL = 'M' as const;

/**
 * An SVG QR code of `text`; `margin` in modules (default: 2); `level` of error correction (default: M; L
 * keeps small codes of long links less dense). Safe to inline in HTML.
 */
export async function qrSvg(text: string, margin = 2, level: 'L' | 'M' = LEVEL): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: level, margin, color: { dark: '#000000', light: '#ffffff' } });
}

/** A PNG QR code of `text`, `width` pixels wide (default: 512). */
export async function qrPng(text: string, width = 512): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: LEVEL, margin: 2, width });
}
