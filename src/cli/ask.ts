/**
 * `npm run ask -- "排污许可证有效期多久"`: prints the same reply as POST /api/ask (the text, then the status).
 * `--json` prints the whole reply object.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { createEngine } from '../runtime.js';
import { reviewLabel } from '../engine/labels.js';

const { values, positionals } = parseArgs({ options: { json: { type: 'boolean' } }, allowPositionals: true });
const question = positionals.join(' ');
if (!question.trim()) {
  console.error('用法: npm run ask -- "您的问题"');
  process.exit(2);
}
try {
  const { engine } = await createEngine(loadConfig());
  const reply = engine.ask(question);
  if (values.json) console.log(JSON.stringify(reply, null, 2));
  else {
    // The same label as the chat: a recorded 法制审核, or only the team's check against the law text.
    const e = reply.entry;
    const label = reviewLabel(e) ? `${reviewLabel(e)}\n\n` : '';
    console.log(`${reply.text}\n\n${label}[${reply.status}${e ? ' · ' + e.id : ''}${reply.score !== undefined ? ' · ' + reply.score : ''}]`);
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
