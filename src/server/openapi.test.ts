// The API is the contract: every operation in /api/openapi.json (and the public ORUK feed) declares the shape of
// each successful answer, so the web app's types (z.input of the same schemas) and the document cannot drift.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { buildApp } from './app.js';

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}

describe('OpenAPI document', () => {
  let app: FastifyInstance;
  let doc: { paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>> };
  beforeAll(async () => {
    // Building the document touches no table: a database that is never queried is enough.
    const database = { db: {}, kind: 'pglite', location: 'none', close: async () => {} } as unknown as Database;
    app = await buildApp({ database, logger: false, webDist: null });
    await app.ready();
    doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  });
  afterAll(async () => app.close());

  it('describes every successful answer of every operation', () => {
    const missing: string[] = [];
    let operations = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        operations++;
        const success = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
        const described =
          success.length > 0 &&
          success.every(([code, r]) => {
            if (code === '204') return true;
            const schemas = Object.values(r.content ?? {}).map((c) => c.schema);
            return schemas.length > 0 && schemas.every((s) => s && Object.keys(s).length > 0);
          });
        if (!described) missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(operations).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('has no open object standing in for an undeclared shape', () => {
    const open: string[] = [];
    const visit = (node: unknown, where: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      const extra = n.additionalProperties;
      const openExtra =
        extra === undefined || extra === true || (typeof extra === 'object' && !Object.keys(extra!).length);
      if (n.type === 'object' && !Object.keys(n.properties ?? {}).length && !n.propertyNames && openExtra)
        open.push(where);
      for (const [k, v] of Object.entries(n)) visit(v, `${where}/${k}`);
    };
    for (const [path, item] of Object.entries(doc.paths))
      for (const method of METHODS) {
        const op = item[method];
        if (op) visit(op.responses, `${method.toUpperCase()} ${path}`);
      }
    expect(open).toEqual([]);
  });
});
