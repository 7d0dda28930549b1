/**
 * Errors as clients see them: bad input gets a 400 with a clear Chinese message; anything unexpected is
 * logged in full and answered with a generic 500 message that reveals nothing.
 */
import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance } from 'fastify';

/** Body of every error response. */
export interface ErrorBody {
  error: string;
}

function clientMessage(err: FastifyError): string | undefined {
  if (err.validation) {
    const v = err.validation[0];
    const field = (v?.instancePath || '').replace(/^\//, '') || (v?.params as { missingProperty?: string })?.missingProperty || '';
    if (field === 'question' || (v?.params as { missingProperty?: string })?.missingProperty === 'question') {
      return '请求格式不正确：请在 question 字段中填写问题文本。';
    }
    return `请求格式不正确${field ? `（字段 ${field}）` : ''}：请发送 JSON，例如 {"question": "排污许可证有效期多久"}。`;
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return '请求格式不正确：请以 application/json 发送。';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return '请求格式不正确：请求体不是有效的 JSON。';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return '请求内容太大。';
  }
  if (err instanceof SyntaxError) return '请求格式不正确：请求体不是有效的 JSON。';
  return undefined;
}

async function plugin(app: FastifyInstance): Promise<void> {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const status = err.statusCode ?? 500;
    if (status === 429) {
      // A route's own rate-limit message (its errorResponseBuilder) is kept; otherwise the general one.
      const own = (err as { error?: unknown }).error;
      return reply.code(429).send({ error: typeof own === 'string' && /[\u4e00-\u9fff]/.test(own) ? own : '提问太频繁了，请稍后再试。' });
    }
    const message = status < 500 ? clientMessage(err) : undefined;
    if (status < 500) {
      request.log.info({ err: err.message, code: err.code }, 'bad request');
      return reply.code(status === 413 ? 413 : 400).send({ error: message ?? '请求格式不正确。' });
    }
    request.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: '服务暂时出现问题，请稍后再试或拨打 12369。' });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: '页面或接口不存在。' }));
}

/** Error and not-found handling for the whole app. */
export const errorHandling = fp(plugin, { name: 'error-handling' });
