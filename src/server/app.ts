// Assembles the Steward HTTP API (and, in production, serves the built web app from the same process).
import { existsSync } from 'node:fs';
import path from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Database, PROJECT_ROOT } from '../db/client.js';
import './types.js';
import adminRoutes from './admin/routes.js';
import councilRoutes from './admin/council.js';
import { auditWrites } from './audit-hook.js';
import { guardInput } from './input-guard.js';
import { createBoundsTolerantSerializerCompiler } from './serializer.js';
import { quietClientAborts } from './client-aborts.js';
import { registerSecurityHeaders } from './security-headers.js';
import authRoutes from './auth/routes.js';
import sessionPlugin from './auth/session.js';
import dashboardRoutes from './dashboard/routes.js';
import demandRoutes from './demand/routes.js';
import contractsRoutes from './contracts/routes.js';
import deliveryPlanRoutes from './contracts/deliveryPlanRoutes.js';
import concernRoutes from './contracts/concernRoutes.js';
import providerUsersRoutes from './auth/providerUsersRoutes.js';
import dischargeRoutes from './discharge/routes.js';
import dischargeSimulationRoutes from './discharge/simulationRoutes.js';
import marketRoutes from './market/routes.js';
import mpsRoutes from './mps/routes.js';
import mpsSite from './mps/site.js';
import { registerPublicSite } from './publicSite.js';
import directoryRoutes from './directory/routes.js';
import bcfRoutes from './bcf/routes.js';
import dataRoutes from './data/routes.js';
import publishedDischargeRoutes from './discharge/published.js';
import orukRoutes from './directory/oruk.js';
import { errorHandler, notFoundHandler } from './problem.js';

export interface AppOptions {
  database: Database;
  /** pino logger options, or false for none (tests). */
  logger?: FastifyServerOptions['logger'];
  /** Directory of the built web app; defaults to web/dist when it exists. Pass null to serve the API only. */
  webDist?: string | null;
  /** Largest accepted JSON body in bytes. */
  bodyLimit?: number;
}

export const DEFAULT_WEB_DIST = path.join(PROJECT_ROOT, 'web', 'dist');

/**
 * Structured (JSON) logs that carry method, path and status, never query strings, bodies, cookies or names.
 * Anything that could hold personal data is redacted by default wherever it appears in a log line: request
 * bodies and parameters, a database statement's parameters, passwords, NHS numbers, names.
 */
export const LOG_REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'req.headers["x-forwarded-for"]',
  'req.body',
  'req.query',
  'req.params',
  'body',
  'query',
  'params',
  'err.params',
  'err.query',
  'err.cause.parameters',
  '*.params',
  '*.parameters',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.nhsNumber',
  '*.name',
  '*.email',
];

/**
 * The server's log settings: JSON lines at `level`, requests as method, path and status; bodies, query strings,
 * cookies and personal fields redacted.
 */
export function defaultLogger(level = process.env.LOG_LEVEL ?? 'info'): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

/**
 * Which proxies' X-Forwarded-For / X-Forwarded-Proto headers are believed: STEWARD_TRUST_PROXY is a
 * comma-separated list of addresses or CIDR ranges (or proxy-addr's names: loopback, linklocal, uniquelocal).
 * Unset: none (the socket's address is the client). The old "1"/"true" means the proxy is on this machine
 * (loopback) — never "any hop", which let a client forge its address with X-Forwarded-For.
 */
export function trustedProxies(value: string | undefined): string[] | false {
  const v = (value ?? '').trim();
  if (!v || v === '0' || v.toLowerCase() === 'false') return false;
  if (v === '1' || v.toLowerCase() === 'true') return ['loopback'];
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The Fastify app: every area's routes under /api, the OpenAPI document, sessions and CSRF, problem+json errors,
 * audit, security headers, and the built web app when `webDist` holds one. Migrations are the caller's.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: trustedProxies(process.env.STEWARD_TRUST_PROXY),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // A stored figure outside a response schema's bound is sent as stored (and logged), never a page that breaks.
  app.setSerializerCompiler(
    createBoundsTolerantSerializerCompiler((detail) =>
      app.log.warn(detail, 'a stored value is outside its response schema’s bound; sent as stored'),
    ),
  );
  app.setErrorHandler(errorHandler);
  quietClientAborts(app);
  app.decorate('db', options.database.db);
  app.decorate('database', options.database);

  // API answers (JSON, CSV, the planner's results) are compressed when the browser accepts it; the web app's
  // files come already compressed from the build.
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      // Thrown as an error and rendered as problem+json by errorHandler.
      message: `Too many attempts: try again in ${Math.ceil(ctx.ttl / 1000)} seconds`,
    }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Steward API',
        version: '0.1.0',
        description:
          'Commissioning adult social care: market, need and demand, discharge, contracts and publishing. ' +
          'Sign in with POST /api/auth/sign-in (session cookie); send the csrfToken in the x-csrf-token header on state-changing requests. ' +
          'Errors are RFC 9457 problem+json with an `errors` list naming each field at fault.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'steward_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  const webDist = options.webDist === undefined ? DEFAULT_WEB_DIST : options.webDist;
  registerSecurityHeaders(app, webDist);
  await app.register(sessionPlugin);
  guardInput(app);
  auditWrites(app);
  registerPublicSite(app);

  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      api.get(
        '/health',
        {
          schema: {
            tags: ['meta'],
            summary: 'Liveness and database check',
            response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) },
          },
        },
        async () => {
          await app.db.execute('select 1');
          return { status: 'ok' as const, database: options.database.kind };
        },
      );
      await api.register(authRoutes, { prefix: '/auth' });
      await api.register(adminRoutes, { prefix: '/admin' });
      await api.register(providerUsersRoutes, { prefix: '/provider-users' });
      await api.register(councilRoutes, { prefix: '/admin/council' });
      await api.register(dashboardRoutes, { prefix: '/dashboard' });
      // Area routes: one line per area.
      await api.register(demandRoutes, { prefix: '/demand' });
      await api.register(contractsRoutes, { prefix: '/contracts' });
      await api.register(concernRoutes, { prefix: '/contracts' });
      await api.register(deliveryPlanRoutes, { prefix: '/delivery-plans' });
      await api.register(dischargeRoutes, { prefix: '/discharge' });
      await api.register(dischargeSimulationRoutes, { prefix: '/discharge/simulation' });
      await api.register(marketRoutes, { prefix: '/market' });
      await api.register(mpsRoutes, { prefix: '/mps' });
      await api.register(directoryRoutes, { prefix: '/directory' });
      await api.register(bcfRoutes, { prefix: '/bcf' });
      await api.register(dataRoutes, { prefix: '/data' });
      await api.register(publishedDischargeRoutes, { prefix: '/discharge/published' });
    },
    { prefix: '/api' },
  );
  // Public open-data APIs outside /api: the directory's Open Referral UK feed.
  await app.register(orukRoutes, { prefix: '/oruk' });

  // Public pages served outside the API (one line per area).
  await app.register(mpsSite, { webDist });
  if (webDist && existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      // Brotli/gzip copies written by the build (web/vite.config.ts) are sent to browsers that accept them.
      preCompressed: true,
      cacheControl: false,
      // Vite fingerprints everything under assets/ (a new build gives new names): cache it for a year. Anything
      // else (index.html, icons) is checked with the server each time, so a new release shows at once.
      setHeaders: (res, filePath) => {
        res.setHeader(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    // Single-page app: any non-API GET that is not a file gets index.html.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api') && !request.url.startsWith('/oruk')) {
        return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
      }
      return notFoundHandler(request, reply);
    });
  } else {
    app.setNotFoundHandler(notFoundHandler);
  }
  return app;
}
