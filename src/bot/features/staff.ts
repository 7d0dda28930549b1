/**
 * Staff commands on Telegram, for the Telegram user ids in STAFF_TELEGRAM_IDS: /gaps (the questions the bot
 * could not answer, grouped), /stats (today and this week) and /draft (a guided conversation that creates a
 * draft entry for another staff member to approve). Anyone else gets no data.
 */
import { Composer, InlineKeyboard } from 'grammy';
import type { Admin } from '../../admin/admin.js';
import { TOPICS, type Topic } from '../../knowledge/schema.js';
import { todayInChina } from '../../knowledge/validity.js';
import { gapsBetween } from '../../insights/gap-query.js';
import { computeStats } from '../../insights/stats.js';
import { addDays, chinaDay, mondayOf } from '../../time/china-day.js';
import type { AnswerEngine } from '../../engine/engine.js';
import type { QuestionLog } from '../../store/question-log.js';
import type { BotContext } from '../context.js';

/** What the staff commands need. */
export interface StaffCommandDeps {
  /** Telegram user ids of staff (STAFF_TELEGRAM_IDS). */
  staffIds: readonly number[];
  log: QuestionLog;
  engine: AnswerEngine;
  /** The entry store for /draft (default: none: /draft says editing is off). */
  admin?: Admin;
  /** Clock (default: now). */
  now?: () => Date;
}

/** The reply to a non-staff user: no data. */
export const NOT_STAFF = '此命令仅限本局工作人员使用。';

interface DraftState {
  step: 'title' | 'questions' | 'topic' | 'answer';
  title?: string;
  questions?: string[];
  topic?: Topic;
}

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

/** The staff commands as one composer (installed before the question handler). */
export function staffCommands(deps: StaffCommandDeps): Composer<BotContext> {
  const staff = new Set(deps.staffIds);
  const now = deps.now ?? (() => new Date());
  const drafts = new Map<number, DraftState>();
  const composer = new Composer<BotContext>();
  const isStaff = (ctx: BotContext) => ctx.from !== undefined && staff.has(ctx.from.id);

  const onlyStaff = composer.filter((ctx) => !isStaff(ctx));
  onlyStaff.command(['gaps', 'stats', 'draft'], (ctx) => ctx.reply(NOT_STAFF));

  const s = composer.filter(isStaff);
  s.command('gaps', async (ctx) => {
    const to = chinaDay(now());
    const from = addDays(to, -29);
    const gaps = (await gapsBetween(deps.log.db, deps.engine.analyzer, from, to)).slice(0, 10);
    if (!gaps.length) return ctx.reply(`近30天（${from} 至 ${to}）没有未能解答的问题。`);
    const lines = gaps.map((g, i) => `${i + 1}. ${g.sample}（${g.count}次）${g.examples.length > 1 ? `\n   也问：${g.examples.slice(1, 3).join('；')}` : ''}`);
    return ctx.reply([`近30天待补充的问题（${from} 至 ${to}）：`, ...lines, '', '用 /draft 起草新条目，或在 GET /api/admin/gaps 查看全部。'].join('\n'));
  });

  s.command('stats', async (ctx) => {
    const today = chinaDay(now());
    const monday = mondayOf(today);
    const line = (label: string, from: string) => {
      const st = computeStats(deps.log.db, from, today);
      return `${label}：提问 ${st.questions} 个，解答率 ${pct(st.questions ? st.answeredRate : null)}，👍 占比 ${pct(st.helpfulRate)}（${st.helpful + st.unhelpful} 次评价），提问人数 ${st.uniqueAskers}`;
    };
    return ctx.reply([line('今天', today), line(`本周（自 ${monday}）`, monday)].join('\n'));
  });

  s.command('draft', async (ctx) => {
    if (!deps.admin?.auth) return ctx.reply('知识库编辑未开启。');
    drafts.set(ctx.chat.id, { step: 'title' });
    return ctx.reply('起草新条目（发送 /cancel 可随时取消）。\n第1步：请发送问题标题，例如“光伏板回收归谁管？”');
  });

  s.command('cancel', async (ctx) => {
    if (!drafts.delete(ctx.chat.id)) return ctx.reply('当前没有正在起草的条目。');
    return ctx.reply('已取消起草。');
  });

  s.callbackQuery(/^dt:([a-z]+)$/, async (ctx) => {
    const state = ctx.chat && drafts.get(ctx.chat.id);
    const topic = ctx.match[1] as Topic;
    if (state?.step !== 'topic' || !(topic in TOPICS)) return ctx.answerCallbackQuery({ text: '这一步已结束，请重新 /draft。' });
    state.topic = topic;
    state.step = 'answer';
    await ctx.answerCallbackQuery({ text: TOPICS[topic] });
    return ctx.reply('第4步：请发送答复草稿（先写直接答复，再写步骤或后果；法律依据由审核人补充核对）。');
  });

  s.on('message:text', async (ctx, next) => {
    const state = drafts.get(ctx.chat.id);
    if (!state || ctx.message.text.startsWith('/')) return next();
    const text = ctx.message.text.trim();
    if (state.step === 'title') {
      if (text.length < 2 || text.length > 80) return ctx.reply('标题应为 2 到 80 个字，请重新发送。');
      state.title = text;
      state.step = 'questions';
      return ctx.reply('第2步：请发送其他问法，每行一个（没有就发送“跳过”）。');
    }
    if (state.step === 'questions') {
      state.questions =
        text === '跳过'
          ? []
          : text
              .split('\n')
              .map((q) => q.trim())
              .filter((q) => q.length >= 2 && q.length <= 120);
      state.step = 'topic';
      const kb = new InlineKeyboard();
      (Object.keys(TOPICS) as Topic[]).forEach((t, i) => {
        kb.text(TOPICS[t], `dt:${t}`);
        if (i % 2 === 1) kb.row();
      });
      return ctx.reply('第3步：请选择主题。', { reply_markup: kb });
    }
    if (state.step === 'answer') {
      if (text.length < 10) return ctx.reply('答复至少 10 个字，请重新发送。');
      const id = `${state.topic}-draft-${now().getTime().toString(36)}`;
      const actor = `telegram:${ctx.from.username ?? ctx.from.id}`;
      try {
        const created = await deps.admin!.store.create(actor, {
          id,
          kind: 'faq',
          topic: state.topic,
          title: state.title,
          questions: state.questions ?? [],
          keywords: [],
          answer: text,
          basis: [],
          related: [],
          status: 'draft',
          updated: todayInChina(now()),
        });
        drafts.delete(ctx.chat.id);
        return ctx.reply(`草稿已创建：${created.id}\n它不会对外答复，需由另一位工作人员补充法律依据并审核（法制审核）后发布。`);
      } catch (err) {
        const e = err as { message?: string; errors?: { field: string; message: string }[] };
        const detail = e.errors?.map((x) => `${x.field}: ${x.message}`).join('\n') ?? e.message ?? '未知错误';
        return ctx.reply(`草稿未能创建：\n${detail}\n请修改后重新发送答复，或 /cancel 取消。`);
      }
    }
    return ctx.reply('请点选上面的主题按钮。');
  });
  return composer;
}
