/**
 * Process-level safety nets of `npm start`: a promise rejected outside any handler is logged and the service
 * keeps running (Node 20 would otherwise exit and take the public Q&A down), and a start-up failure is told
 * as one clear line instead of a raw stack.
 */
import type { Logger } from 'pino';

/** Logs unhandled rejections instead of exiting; returns a function that removes the handler. */
export function guardRejections(logger: Pick<Logger, 'error'>): () => void {
  const onRejection = (reason: unknown) => {
    logger.error(
      { err: reason instanceof Error ? { message: reason.message, stack: reason.stack } : String(reason) },
      'unhandled rejection (the service keeps running)',
    );
  };
  process.on('unhandledRejection', onRejection);
  return () => process.off('unhandledRejection', onRejection);
}

/** The one-line message for an error that stopped start-up (Chinese for the clerk, the cause in English). */
export function startFailureMessage(err: unknown): string {
  const e = err as NodeJS.ErrnoException & { code?: string };
  const detail = e instanceof Error ? `${e.name}${e.code ? ` ${e.code}` : ''}: ${e.message}` : String(err);
  if (e?.code === 'EADDRINUSE') return `启动失败：端口已被占用（请换一个 PORT 或停止占用它的程序）。${detail}`;
  if (e?.code === 'EACCES') return `启动失败：没有权限（监听端口或读取文件）。${detail}`;
  return `启动失败：${detail}`;
}
