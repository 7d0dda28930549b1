/**
 * /quiz on Telegram (普法知识竞答): native quiz polls one after another and the score at the end; where a
 * poll cannot be sent, the same question comes with inline buttons. The result is saved for the chat's
 * event (deep link), so the bureau can count participants and average scores per event.
 */
import { Composer, InlineKeyboard } from 'grammy';
import { QuizSession, scoreText } from '../../quiz/session.js';
import type { QuizQuestion } from '../../quiz/schema.js';
import type { QuizResults } from '../../quiz/results.js';
import type { BotContext } from '../context.js';
import { describeError } from '../safe-error.js';

/** What /quiz needs. */
export interface QuizDeps {
  questions: readonly QuizQuestion[];
  /** Where finished rounds are saved (default: none). */
  results?: QuizResults;
  /** Questions per round (default: 5 — a chat round is shorter than the web page's). */
  roundSize?: number;
}

interface Round {
  session: QuizSession;
  chatId: number;
  userId: number;
  event?: string;
  /** Id of the poll waiting for an answer. */
  pollId?: string;
}

const POLL_QUESTION_MAX = 300;
const POLL_OPTION_MAX = 100;
const POLL_EXPLANATION_MAX = 200;
const cut = (s: string, n: number) => ([...s].length > n ? [...s].slice(0, n - 1).join('') + '…' : s);

/** The /quiz feature. */
export function quizFeature(deps: QuizDeps): Composer<BotContext> {
  const rounds = new Map<number, Round>(); // by chat id
  const polls = new Map<string, number>(); // poll id → chat id
  const composer = new Composer<BotContext>();

  async function ask(ctx: BotContext, round: Round): Promise<void> {
    const q = round.session.current()!;
    const head = `第 ${round.session.number}/${round.session.total} 题`;
    try {
      const msg = await ctx.api.sendPoll(
        round.chatId,
        cut(`${head}：${q.question}`, POLL_QUESTION_MAX),
        q.options.map((o) => ({ text: cut(o, POLL_OPTION_MAX) })),
        {
          type: 'quiz',
          is_anonymous: false,
          correct_option_ids: [q.answer],
          explanation: cut(q.explanation, POLL_EXPLANATION_MAX),
        },
      );
      if (msg.poll?.id) {
        round.pollId = msg.poll.id;
        polls.set(msg.poll.id, round.chatId);
        return;
      }
    } catch (err) {
      ctx.log.info({ error: describeError(err, '') }, 'sendPoll unavailable: quiz falls back to buttons');
    }
    const kb = new InlineKeyboard();
    q.options.forEach((o, i) => {
      kb.text(cut(o, 40), `qz:${round.session.number}:${i}`).row();
    });
    await ctx.api.sendMessage(round.chatId, `${head}：${q.question}`, { reply_markup: kb });
  }

  async function answered(ctx: BotContext, round: Round, option: number): Promise<void> {
    const r = round.session.answer(option);
    if (round.pollId) polls.delete(round.pollId);
    round.pollId = undefined;
    // A quiz poll shows the right answer itself; with buttons, say it.
    if (ctx.callbackQuery) {
      await ctx.api.sendMessage(round.chatId, `${r.correct ? '✅ 回答正确' : `❌ 正确答案：${r.answerText}`}\n${r.explanation}`);
    }
    if (!r.finished) return ask(ctx, round);
    rounds.delete(round.chatId);
    try {
      deps.results?.save({ channel: 'telegram', event: round.event, user: String(round.userId), score: round.session.score, total: round.session.total });
    } catch (err) {
      ctx.log.warn({ error: describeError(err, '') }, 'quiz result not saved');
    }
    await ctx.api.sendMessage(round.chatId, `竞答结束！${scoreText(round.session.score, round.session.total)}\n发送 /quiz 再来一轮，或直接向我提问。`);
  }

  composer.command('quiz', async (ctx) => {
    if (!deps.questions.length || !ctx.from) return ctx.reply('竞答题库暂未开放。');
    const round: Round = {
      session: QuizSession.start(deps.questions, deps.roundSize ?? 5),
      chatId: ctx.chat.id,
      userId: ctx.from.id,
      event: ctx.chatEvents.get(String(ctx.chat.id)),
    };
    const old = rounds.get(ctx.chat.id);
    if (old?.pollId) polls.delete(old.pollId);
    rounds.set(ctx.chat.id, round);
    await ctx.reply(`普法知识竞答开始，共 ${round.session.total} 题。`);
    return ask(ctx, round);
  });

  composer.on('poll_answer', async (ctx) => {
    const chatId = polls.get(ctx.pollAnswer.poll_id);
    const round = chatId !== undefined ? rounds.get(chatId) : undefined;
    const option = ctx.pollAnswer.option_ids[0];
    if (!round || option === undefined || ctx.pollAnswer.user?.id !== round.userId) return;
    await answered(ctx, round, option);
  });

  composer.callbackQuery(/^qz:(\d+):(\d+)$/, async (ctx) => {
    const round = ctx.chat ? rounds.get(ctx.chat.id) : undefined;
    const number = Number(ctx.match[1]);
    if (!round || round.session.number !== number || ctx.from.id !== round.userId) {
      return ctx.answerCallbackQuery({ text: '这道题已经答过了，发送 /quiz 开始新一轮。' });
    }
    await ctx.answerCallbackQuery();
    const option = Number(ctx.match[2]);
    if (option >= round.session.current()!.options.length) return;
    await answered(ctx, round, option);
  });
  return composer;
}
