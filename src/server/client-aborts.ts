// A browser that closes the connection before a file or answer is fully sent (a favicon fetched while the page is
// left, a cancelled download) is the client's doing, not a server fault: it is logged at info level, never error.
// @fastify/compress logs any failure of its compressing pipe with `reply.log.error(err)`, a premature close too.
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

/** Node's error codes for a stream or socket the other end closed before the answer ended. */
const CLIENT_ABORT_CODES = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'EPIPE', 'ERR_STREAM_DESTROYED']);

/** True when `value` is an error saying the client closed the connection before the answer was sent. */
export function isClientAbort(value: unknown): boolean {
  if (!(value instanceof Error)) return false;
  const code = (value as { code?: unknown }).code;
  // end-of-stream (the pipe @fastify/compress uses) throws a bare Error('premature close'), with no code.
  return (typeof code === 'string' && CLIENT_ABORT_CODES.has(code)) || value.message === 'premature close';
}

/**
 * A logger like `log` whose `error` logs a client abort (see {@link isClientAbort}), given as the first argument
 * or as `{ err }`, at info level as "client closed the connection before the answer was sent"; every other call
 * goes to `log` unchanged.
 */
export function withQuietClientAborts(log: FastifyBaseLogger): FastifyBaseLogger {
  const quiet = Object.create(log) as FastifyBaseLogger;
  quiet.error = ((first: unknown, ...rest: unknown[]) => {
    const err = isClientAbort(first)
      ? first
      : isClientAbort((first as { err?: unknown } | null)?.err)
        ? (first as { err: unknown }).err
        : null;
    if (err) {
      log.info({ reason: (err as Error).message }, 'client closed the connection before the answer was sent');
      return;
    }
    (log.error as (...args: unknown[]) => void).call(log, first, ...rest);
  }) as FastifyBaseLogger['error'];
  return quiet;
}

/** Logs client aborts of any answer (static files, downloads, API answers) at info level: see the file comment. */
export function quietClientAborts(app: FastifyInstance): void {
  app.addHook('onRequest', async (_request, reply) => {
    reply.log = withQuietClientAborts(reply.log);
  });
}
