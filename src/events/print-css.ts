/**
 * The stylesheet of the poster, leaflet and not-found pages, served as a file so the pages need no inline
 * style (strict CSP). A4 portrait, black on white, no web fonts (the printer's CJK fonts are used).
 */
export const PRINT_CSS = `
@page { size: A4 portrait; margin: 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #e9eef0; color: #111; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; line-height: 1.5; }
.sheet { width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 14mm 16mm; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.2); }
.toolbar { text-align: center; margin: 8px; }
.toolbar a { color: #0b6e4f; }
.brand { color: #0b6e4f; font-weight: 700; font-size: 14pt; letter-spacing: .1em; }
h1 { font-size: 30pt; line-height: 1.25; margin: 4mm 0 3mm; }
h2 { font-size: 15pt; margin: 6mm 0 2mm; border-bottom: 2px solid #0b6e4f; padding-bottom: 1mm; }
.meta { font-size: 13pt; color: #333; margin: 0 0 4mm; }
.greeting { font-size: 14pt; background: #eef7f2; border-left: 5px solid #0b6e4f; padding: 3mm 4mm; margin: 4mm 0; }
.qr-main { display: flex; gap: 8mm; align-items: center; margin: 6mm 0; }
.qr-main .qr { width: 70mm; height: 70mm; flex: none; }
.qr svg, .qr img { width: 100%; height: 100%; display: block; }
.links { font-size: 12pt; word-break: break-all; }
.links p { margin: 0 0 3mm; }
.links .label { display: block; font-weight: 700; font-size: 14pt; }
.examples { font-size: 14pt; padding-left: 7mm; }
.examples li { margin: 1.5mm 0; }
.foot { margin-top: 8mm; font-size: 10pt; color: #555; border-top: 1px solid #ccc; padding-top: 2mm; }
.qa { list-style: none; padding: 0; margin: 0; }
.qa li { display: flex; gap: 4mm; padding: 3mm 0; border-bottom: 1px dashed #bbb; break-inside: avoid; page-break-inside: avoid; }
.qa .text { flex: 1; font-size: 10.5pt; }
.qa h3 { font-size: 12pt; margin: 0 0 1mm; }
.qa .answer { margin: 0; white-space: pre-line; }
.qa .basis { margin: 1mm 0 0; font-size: 9.5pt; color: #333; }
.qa .qr { display: block; width: 30mm; height: 30mm; flex: none; }
.qa .scan { font-size: 8pt; color: #555; text-align: center; width: 30mm; margin: 0; }
.notice { font-size: 9.5pt; color: #555; }
.missing { text-align: center; padding-top: 40mm; }
@media screen and (max-width: 800px) { .sheet { width: auto; min-height: 0; margin: 0; padding: 6mm; box-shadow: none; } .qr-main { flex-direction: column; } h1 { font-size: 22pt; } }
@media print {
  body { background: #fff; }
  .sheet { margin: 0; padding: 0; width: auto; min-height: 0; box-shadow: none; }
  .toolbar { display: none; }
  a { color: inherit; text-decoration: none; }
}
`;
