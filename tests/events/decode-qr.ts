/** Decodes QR codes in PNG images (jsqr + pngjs), for tests. */
import jsqrModule from 'jsqr';
import { PNG } from 'pngjs';

type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

// jsqr is CommonJS: its function is the default export under a bundler, `.default` under NodeNext typing.
const jsQR: JsQr = ((jsqrModule as unknown as { default?: JsQr }).default ?? jsqrModule) as unknown as JsQr;

/** The text of the QR code in a PNG, or undefined when none is found. */
export function decodeQrPng(png: Buffer): string | undefined {
  const img = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data;
}
