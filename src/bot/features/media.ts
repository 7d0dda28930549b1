/** Photos, stickers, voice and other media: a short hint to type the question. */
import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { replyHtml } from '../send-reply.js';

/** The hint sent for media. */
export const MEDIA_HINT = '我暂时只能看懂文字。请用文字输入您的问题，例如：排污许可证有效期多久？';

/** The media feature. */
export const media = new Composer<BotContext>();

media.on(
  [
    'message:photo',
    'message:sticker',
    'message:voice',
    'message:audio',
    'message:video',
    'message:video_note',
    'message:document',
    'message:animation',
    'message:location',
    'message:contact',
  ],
  (ctx) => replyHtml(ctx, MEDIA_HINT),
);
