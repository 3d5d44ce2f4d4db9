// The public Market Position Statement outside the API: /market-position-statement.pdf, the latest (or a chosen)
// published edition printed to a tagged PDF. The pages themselves (/market-position-statement, /opportunities) are
// the web app's public routes. No sign-in; read only; rate limited hard, since each new edition starts Chromium once.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BOUNDS, wholeNumberQuery } from '../../domain/core/bounds.js';
import { getEdition } from '../../db/mps/editions.js';
import { Problem } from '../problem.js';
import { PdfCache, pdfUnavailableReason, printPdf } from './pdf.js';

export interface MpsSiteOptions {
  /** The built web app being served (null when the API is served alone: no print page, so no PDF). */
  webDist: string | null;
}

/** A few PDFs a minute per address: enough for people, not for a loop that would keep Chromium busy. */
export const PDF_RATE_LIMIT = { max: 10, timeWindow: '1 minute' } as const;

/** The address Chromium can reach this server on, from the socket it listens on. */
function ownOrigin(address: ReturnType<import('node:net').Server['address']>): string | null {
  if (!address || typeof address === 'string') return null;
  const host =
    address.address === '0.0.0.0' || address.address === '::'
      ? address.family === 'IPv6'
        ? '[::1]'
        : '127.0.0.1'
      : address.family === 'IPv6'
        ? `[${address.address}]`
        : address.address;
  return `http://${host}:${address.port}`;
}

const mpsSite: FastifyPluginAsyncZod<MpsSiteOptions> = async (app, options) => {
  const cache = new PdfCache();
  const indexHtml = options.webDist ? path.join(options.webDist, 'index.html') : null;

  app.get(
    '/market-position-statement.pdf',
    {
      config: { rateLimit: PDF_RATE_LIMIT },
      schema: {
        tags: ['mps (public)'],
        summary: 'The latest published Market Position Statement (or ?edition=N) as a tagged PDF (no sign-in)',
        security: [],
        querystring: z.object({ edition: wholeNumberQuery({ min: 1, max: BOUNDS.version.max }).optional() }),
        produces: ['application/pdf'],
        response: { 200: z.instanceof(Buffer).describe('A tagged PDF (application/pdf)') },
      },
    },
    async (request, reply) => {
      const edition = await getEdition(app.db, request.query.edition ?? null);
      const unavailable = pdfUnavailableReason();
      if (unavailable) throw new Problem(503, 'PDF not available', unavailable);
      if (!indexHtml || !existsSync(indexHtml))
        throw new Problem(
          503,
          'PDF not available',
          'The web app is not built on this server, so the statement cannot be printed (run npm run build).',
        );
      const origin = ownOrigin(app.server.address());
      if (!origin)
        throw new Problem(503, 'PDF not available', 'The server is not listening on a network port it can print from.');
      const key = `${edition.number}:${statSync(indexHtml).mtimeMs}`;
      const title = `${edition.statement.borough.name}: ${edition.title} (edition ${edition.number})`;
      const pdf = await cache.get(key, () =>
        printPdf(`${origin}/market-position-statement/print?edition=${edition.number}`, title),
      );
      const filename = `market-position-statement-edition-${edition.number}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${filename}"`)
        .header('cache-control', 'public, max-age=300')
        .send(pdf);
    },
  );
};

export default mpsSite;
