/**
 * The shipped law texts over HTTP: GET /api/laws/:source/articles/:n (one article as JSON, n in Arabic numerals)
 * and GET /law/:source (the whole text as a page with a table of contents and an anchor per article, #a1095).
 * The page is served under the strict CSP and uses /assets/law.css of the web chat.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AnswerEngine } from '../../engine/engine.js';
import { articleView } from '../../engine/article-lookup.js';
import { lawPageHtml } from '../../law/page.js';
import { numberToChinese } from '../../law/numerals.js';
import type { LawText } from '../../law/types.js';
import { strictCsp } from '../csp.js';

/** Options of {@link lawRoutes}. */
export interface LawRoutesOptions {
  engine: AnswerEngine;
}

const SourceParam = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 });
const ArticleParams = Type.Object({ source: SourceParam, n: Type.String({ pattern: '^[0-9]{1,4}$' }) });
const PageParams = Type.Object({ source: SourceParam });

const ArticleResponse = Type.Object({
  source: Type.String(),
  name: Type.String(),
  number: Type.Integer(),
  article: Type.String(),
  text: Type.String(),
  part: Type.String(),
  subpart: Type.Optional(Type.String()),
  chapter: Type.String(),
  section: Type.Optional(Type.String()),
  validity: Type.String(),
});
const ErrorResponse = Type.Object({ error: Type.String() });

/** Law routes (encapsulated: the strict CSP applies to them only). */
export async function lawRoutes(app: FastifyInstance, opts: LawRoutesOptions): Promise<void> {
  const { engine } = opts;
  await strictCsp(app, { scripts: false });
  // The rendered page of each law, rebuilt when the knowledge is reloaded with a new text.
  const pages = new WeakMap<LawText, string>();

  app.get<{ Params: { source: string; n: string } }>(
    '/api/laws/:source/articles/:n',
    { schema: { params: ArticleParams, response: { 200: ArticleResponse, 400: ErrorResponse, 404: ErrorResponse } }, attachValidation: true },
    async (request, reply) => {
      if (request.validationError) return reply.code(400).send({ error: '条文序号请用阿拉伯数字，例如 /api/laws/eco-code/articles/1095。' });
      const { source, n } = request.params;
      const law = engine.lawLibrary().law(source);
      if (!law) return reply.code(404).send({ error: '没有这部法律的文本。' });
      const number = Number(n);
      const a = engine.lawLibrary().article(source, number);
      if (!a) {
        return reply
          .code(404)
          .send({ error: `《${law.name}》共${numberToChinese(law.articleCount)}条，没有第${number > 0 && number <= 9999 ? numberToChinese(number) : n}条。` });
      }
      return articleView(a, source, { laws: engine.lawLibrary(), sources: engine.sourceMap() }, engine.options.today());
    },
  );

  app.get<{ Params: { source: string } }>('/law/:source', { schema: { params: PageParams }, attachValidation: true }, async (request, reply) => {
    const law = request.validationError ? undefined : engine.lawLibrary().law(request.params.source);
    if (!law)
      return reply
        .code(404)
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>没有找到</title><p>没有这部法律的文本。<a href="/">返回环保普法助手</a></p></html>',
        );
    let html = pages.get(law);
    if (!html) {
      html = lawPageHtml(law);
      pages.set(law, html);
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=3600').send(html);
  });
}
