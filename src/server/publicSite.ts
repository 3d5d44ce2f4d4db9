// The public, no-sign-in part of the site (the Market Position Statement, the community directory...): the page
// paths areas make public, and the search-engine rule for every response. Staff pages and the API are never to be
// indexed; public pages are kept out of search engines too while the borough's data are synthetic (a demo), so no
// one finds and quotes made-up figures.
import type { FastifyInstance } from 'fastify';
import { getBorough } from '../db/core/settings.js';

/** Path prefixes of public pages (no sign-in). One line per area that publishes pages. */
export const PUBLIC_PAGE_PREFIXES: readonly string[] = [
  '/market-position-statement',
  '/opportunities',
  '/api/mps/public',
  '/community-services',
];

/** True when `url` (path and query) is one of the public pages or their data. */
export function isPublicPath(url: string): boolean {
  const p = url.split('?')[0];
  return PUBLIC_PAGE_PREFIXES.some(
    (prefix) => p === prefix || p.startsWith(`${prefix}/`) || p.startsWith(`${prefix}.`),
  );
}

/** How long the borough's "synthetic" flag is trusted before it is read again (ms). */
const SYNTHETIC_TTL_MS = 30_000;

/**
 * Adds `X-Robots-Tag: noindex, nofollow` to every response except public pages of a real (not synthetic) borough.
 * The web app adds the matching `<meta name="robots">` on public pages (web/src/components/PublicPage.tsx).
 */
export function registerPublicSite(app: FastifyInstance): void {
  let cached: { synthetic: boolean; at: number } | null = null;
  async function synthetic(): Promise<boolean> {
    if (cached && Date.now() - cached.at < SYNTHETIC_TTL_MS) return cached.synthetic;
    const borough = await getBorough(app.db);
    cached = { synthetic: borough?.synthetic ?? true, at: Date.now() };
    return cached.synthetic;
  }
  app.addHook('onSend', async (request, reply, payload) => {
    if (!isPublicPath(request.url) || (await synthetic())) reply.header('x-robots-tag', 'noindex, nofollow');
    return payload;
  });
}
