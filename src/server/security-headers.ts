// Security headers on every response: a Content-Security-Policy the built Vite app, GOV.UK Frontend and
// Observable Plot satisfy (scripts only from this origin plus the hashes of the page's own inline scripts),
// no framing, no MIME sniffing, no referrer leaving the site, and HSTS when the request came over TLS.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

/** sha256 CSP sources for each inline `<script>` (without src) in an HTML page. */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    out.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  }
  return out;
}

/**
 * The policy. Styles allow 'unsafe-inline' because Observable Plot puts a `<style>` element in each chart it
 * draws; scripts never do. The API docs (Swagger UI) need its inline bootstrap, so /api/docs gets 'unsafe-inline'
 * for scripts there only.
 */
export function contentSecurityPolicy(scriptHashes: string[], opts: { docs?: boolean } = {}): string {
  const script = ["'self'", ...scriptHashes, ...(opts.docs ? ["'unsafe-inline'"] : [])].join(' ');
  return [
    "default-src 'self'",
    `script-src ${script}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
  ].join('; ');
}

/** One year, with subdomains: what the NCSC and GOV.UK service manual recommend once TLS is in place. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Adds the security headers to every answer: a Content-Security-Policy allowing the built page's inline scripts by
 * hash (a looser one for the API docs), frame-ancestors none, nosniff and no referrer.
 */
export function registerSecurityHeaders(app: FastifyInstance, webDist: string | null): void {
  const index = webDist ? path.join(webDist, 'index.html') : null;
  const hashes = index && existsSync(index) ? inlineScriptHashes(readFileSync(index, 'utf8')) : [];
  const policy = contentSecurityPolicy(hashes);
  const docsPolicy = contentSecurityPolicy(hashes, { docs: true });
  app.addHook('onSend', async (request, reply, payload) => {
    const p = request.url.split('?')[0];
    reply.header('content-security-policy', p === '/api/docs' || p.startsWith('/api/docs/') ? docsPolicy : policy);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    // request.protocol is https only on a TLS socket or, behind a trusted proxy, X-Forwarded-Proto: https.
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    return payload;
  });
}
