// Hostile input against every operation of the API: each operation in /api/openapi.json is called by every
// role (so provider-only and admin-only routes are reached), then, as the first role it lets in, with a corpus
// of hostile values in each path parameter, query parameter and body field (NUL bytes, lone surrogates,
// integers past int4, impossible and absurd dates, wrong types, huge strings) and with corrupt uploads.
// Any 5xx fails the test; the figures are printed in the audit's form.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDischargeMarket, type DischargeFixture } from '../db/discharge/fixtures.js';
import { describeWithDatabases } from '../db/testing.js';
import { ROLES, type Role } from '../domain/core/auth.js';
import { INT4_MAX, isBigintField } from './input-guard.js';
import { createTestApp, signInAs, type TestClient } from './testing.js';

/** The fuzz corpus: one value replaces one field at a time. */
export const FUZZ_CORPUS: unknown[] = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uFFFF\uFFFE',
  2_147_483_648,
  -2_147_483_649,
  2 ** 53 + 2,
  1e308,
  -1,
  0,
  1.5,
  '9999-12-31',
  '2023-02-30',
  '0001-01-01',
  '2024-13-01T25:61:00Z',
  '',
  ' ',
  'x'.repeat(20_000),
  null,
  true,
  [],
  {},
  [{ a: '\u0000' }],
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  'javascript:alert(1)',
  '%00',
];

/** Values tried in each query parameter (strings and numbers as they arrive in a URL). */
const QUERY_CORPUS: string[] = [
  '\u0000',
  '\uD800',
  '2147483648',
  '-1',
  '1e308',
  '9999-12-31',
  '2023-02-30',
  'x'.repeat(5_000),
  "' OR 1=1 --",
];

/** A query value, URL-encoded; a lone surrogate becomes the bytes a client would send (ED A0 80). */
function encodeQuery(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return v.replace(/[\uD800-\uDFFF]/g, '%ED%A0%80');
  }
}

/** Path parameter values tried in place of a real id. */
const PATH_CORPUS = [
  '%00',
  '%ED%A0%80',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '9999-12-31',
  '2147483648',
  '..%2F..%2Fetc',
];

/** Upload bodies: a corrupt XLSX (zip header, then garbage), a PDF sent as XLSX, binary sent as CSV. */
const UPLOADS: { contentType: string; payload: Buffer | string }[] = [
  {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    payload: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(600, 0x5a)]),
  },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    payload: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'),
  },
  { contentType: 'text/csv', payload: 'name,\u0000value\n\uD800,1\n' },
  {
    contentType: 'text/csv',
    payload: Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x50, 0x4b, 0x03, 0x04]).toString('latin1'),
  },
  { contentType: 'application/json', payload: '{"a": [1, 2' },
  { contentType: 'application/xml', payload: '<a/>' },
];

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  /** A value each path parameter with an enum of its own takes (a rate's key, a section's key). */
  pathDefaults: Record<string, string>;
  queryParams: { name: string; schema: JsonSchema; description?: string }[];
  body: JsonSchema | null;
  bodyTypes: string[];
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
  pattern?: string;
  description?: string;
}

function operations(doc: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const op = raw as {
        parameters?: { in: string; name: string; schema: JsonSchema; description?: string }[];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      };
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      out.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        pathDefaults: Object.fromEntries(
          params
            .filter((p) => p.in === 'path' && (p.schema.enum?.length || p.schema.pattern))
            .map((p) => [p.name, p.schema.enum?.length ? String(p.schema.enum[0]) : String(sample(p.schema))]),
        ),
        queryParams: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema, description: p.description ?? p.schema.description })),
        body: content['application/json']?.schema ?? null,
        bodyTypes: Object.keys(content),
      });
    }
  }
  return out;
}

/** A plausible value for a schema (the baseline each fuzzed field is swapped into). */
function sample(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 12) return null;
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt?.length) return sample(alt.find((s) => s.type !== 'null') ?? alt[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(schema.properties ?? {})) o[k] = sample(v, depth + 1);
      return o;
    }
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return false;
    case 'string':
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (schema.format === 'date-time') return new Date().toISOString();
      if (schema.pattern?.includes('\\d{4}')) return new Date().toISOString().slice(0, 10);
      if (schema.pattern && !new RegExp(schema.pattern).test('Eastbrook')) return 'eastbrook';
      return 'Eastbrook';
    default:
      return null;
  }
}

function fillPath(path: string, params: string[], values: Record<string, string>): string {
  let url = path;
  for (const p of params) url = url.replace(`{${p}}`, values[p] ?? '00000000-0000-4000-8000-000000000000');
  return url;
}

/** One number a request takes: where it is, its schema, and a request body (or value) with it set to `v`. */
interface NumericField {
  /** Dotted path as the problem names it (`services.0.capacity`); a query or path parameter's name. */
  field: string;
  /** The last key: what the column behind it is called. */
  key: string;
  schema: JsonSchema;
  build: (v: number) => unknown;
}

const isNumeric = (s: JsonSchema) =>
  (Array.isArray(s.type) ? s.type : [s.type]).some((t) => t === 'integer' || t === 'number') &&
  s.enum === undefined &&
  s.const === undefined;

/**
 * Every number in a request schema, each with a builder of a whole plausible value that carries it (an array
 * gets one element; a union takes the alternative the number belongs to, so a strict object stays valid).
 */
function numericFields(schema: JsonSchema | undefined, path: string[] = [], depth = 0): NumericField[] {
  if (!schema || depth > 12) return [];
  if (isNumeric(schema))
    return [{ field: path.join('.'), key: path.filter((p) => !/^\d+$/.test(p)).at(-1) ?? '', schema, build: (v) => v }];
  const out: NumericField[] = [];
  for (const alt of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])])
    out.push(...numericFields(alt, path, depth + 1));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'array' && schema.items)
    for (const f of numericFields(schema.items, [...path, '0'], depth + 1))
      out.push({ ...f, build: (v) => [f.build(v)] });
  if (type === 'object')
    for (const [k, child] of Object.entries(schema.properties ?? {}))
      for (const f of numericFields(child, [...path, k], depth + 1))
        out.push({
          ...f,
          build: (v) => {
            const o: Record<string, unknown> = {};
            for (const [other, s] of Object.entries(schema.properties ?? {}))
              if (other !== k) o[other] = sampleExplicit(s, depth + 1);
            o[k] = f.build(v);
            return o;
          },
        });
  return out;
}

/** Like `sample`, but an object is built from its properties even when it has a default. */
function sampleExplicit(schema: JsonSchema, depth: number): unknown {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'object' && schema.properties) {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(schema.properties)) o[k] = sampleExplicit(v, depth + 1);
    return o;
  }
  return sample(schema, depth);
}

/** The largest value a numeric schema allows, or null when it sets none. */
function maximumOf(s: JsonSchema): number | null {
  return s.maximum ?? s.exclusiveMaximum ?? null;
}

describeWithDatabases('fuzz: hostile input against every operation', (ctx) => {
  let app: FastifyInstance;
  let fx: DischargeFixture;
  const clients = new Map<Role, TestClient>();
  const tally = { operations: 0, roleCalls: 0, inputs: 0, fivehundreds: [] as string[] };

  const send = async (
    client: TestClient,
    method: string,
    url: string,
    body?: unknown,
    raw?: { contentType: string; payload: Buffer | string },
  ): Promise<LightMyRequestResponse> => {
    const res = raw
      ? await client.send(method as 'POST' | 'PUT', url, raw.payload, raw.contentType)
      : method === 'GET'
        ? await client.get(url)
        : method === 'DELETE'
          ? await client.delete(url)
          : await (client as unknown as Record<string, (u: string, b?: unknown) => Promise<LightMyRequestResponse>>)[
              method.toLowerCase()
            ](url, body);
    if (res.statusCode >= 500)
      tally.fivehundreds.push(`${method} ${url.slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 160)}`);
    return res;
  };

  beforeAll(async () => {
    app = await createTestApp(ctx.database);
    fx = await seedDischargeMarket(ctx.db, new Date());
    for (const role of ROLES)
      clients.set(
        role,
        await signInAs(app, role, role === 'provider' ? { providerId: fx.nursingHome.providerId } : {}),
      );
  });
  afterAll(async () => {
    await app.close();
    console.info(
      `[${ctx.kind}] fuzz: ${tally.operations} operations × ${ROLES.length} roles (${tally.roleCalls} calls); ` +
        `${tally.inputs} hostile inputs; ${tally.fivehundreds.length} answered 5xx`,
    );
  });

  it(
    'bounds every number a request takes: a maximum in the OpenAPI document, and 400 naming the field above it',
    { timeout: 600_000 },
    async () => {
      const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      const unbounded: string[] = [];
      const wrong: string[] = [];
      let checked = 0;
      const pageSizes: string[] = [];
      for (const op of operations(doc)) {
        // A list's page size is capped, and the cap is documented: "at most N (more is refused with 400)".
        for (const q of op.queryParams.filter((q) => /^(limit|pageSize|perPage|per_page)$/.test(q.name))) {
          pageSizes.push(`${op.method} ${op.path} ${q.name}`);
          expect(q.description, `${op.method} ${op.path} ${q.name}`).toMatch(
            new RegExp(`at most ${q.schema.maximum} .*refused with 400`),
          );
        }
        const url = fillPath(op.path, op.pathParams, {
          ...op.pathDefaults,
          id: fx.nursingHome.locationId,
          providerId: fx.nursingHome.providerId,
        });
        const fields: (NumericField & { in: 'query' | 'body' })[] = [
          ...op.queryParams.flatMap((q) =>
            numericFields(q.schema, [q.name]).map((f) => ({ ...f, in: 'query' as const })),
          ),
          ...numericFields(op.body ?? undefined).map((f) => ({ ...f, in: 'body' as const })),
        ];
        for (const f of fields) {
          const name = `${op.method} ${op.path} ${f.in}:${f.field}`;
          const max = maximumOf(f.schema);
          const min = f.schema.minimum ?? f.schema.exclusiveMinimum;
          const integer =
            f.schema.type === 'integer' || (Array.isArray(f.schema.type) && f.schema.type.includes('integer'));
          // A bound no column can hold is no bound: int4 unless the column is bigint (a contract's value in pence).
          const ceiling = integer && !isBigintField(f.key) ? INT4_MAX : Number.MAX_SAFE_INTEGER;
          if (max === null || min === undefined || max > ceiling || min < -ceiling - 1) {
            unbounded.push(`${name} [${min ?? '−∞'}, ${max ?? '∞'}]`);
            continue;
          }
          const above = [integer ? Math.floor(max) + 1 : max * 2 + 1];
          if (integer && max < 2 ** 31) above.push(2 ** 31);
          for (const v of above) {
            checked++;
            // Roles are checked before fields (a user who may not use a route gets 403 whatever they send), so
            // the number is sent as the administrator, or as the first role the route serves (a provider's own).
            const attempt = (role: Role) =>
              f.in === 'query'
                ? send(clients.get(role)!, op.method, `${url}?${f.field}=${v}`, op.body ? sample(op.body) : undefined)
                : send(clients.get(role)!, op.method, url, f.build(v));
            let res = await attempt('admin');
            for (const role of ROLES) if (res.statusCode === 403 && role !== 'admin') res = await attempt(role);
            const errors = (res.json() as { errors?: { field: string }[] }).errors ?? [];
            if (res.statusCode !== 400 || !errors.some((e) => e.field === f.field))
              wrong.push(`${name} = ${v} → ${res.statusCode} ${JSON.stringify(errors.map((e) => e.field))}`);
          }
        }
      }
      console.info(
        `[${ctx.kind}] bounds: ${checked} out-of-range numbers sent; ${unbounded.length} fields unbounded; ${wrong.length} not refused by name`,
      );
      if (unbounded.length || wrong.length) console.info([...unbounded, ...wrong].join('\n'));
      expect(unbounded).toEqual([]);
      expect(wrong).toEqual([]);
      expect(checked).toBeGreaterThan(200);
      expect(pageSizes.length).toBeGreaterThanOrEqual(8);
    },
  );

  it(
    'answers every operation, for every role and every hostile input, without a 5xx',
    { timeout: 600_000 },
    async () => {
      const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      const ops = operations(doc);
      expect(ops.length).toBeGreaterThan(80);
      tally.operations = ops.length;
      const known: Record<string, string> = { id: fx.nursingHome.locationId, providerId: fx.nursingHome.providerId };
      const uploadsSent = new Set<string>();
      const slow: [string, number][] = [];
      for (const op of ops) {
        const started = Date.now();
        const url = fillPath(op.path, op.pathParams, known);
        const baseBody = op.body ? sample(op.body) : undefined;
        // Every role once: the operation's answer to each (401/403/404/2xx/4xx, never 5xx).
        let admitted: TestClient | null = null;
        for (const role of ROLES) {
          const client = clients.get(role)!;
          const res = await send(client, op.method, url, baseBody);
          tally.roleCalls++;
          if (!admitted && res.statusCode !== 401 && res.statusCode !== 403) admitted = client;
        }
        const client = admitted ?? clients.get('admin')!;
        // Path parameters.
        for (const p of op.pathParams)
          for (const v of PATH_CORPUS) {
            tally.inputs++;
            await send(client, op.method, fillPath(op.path, op.pathParams, { ...known, [p]: v }), baseBody);
          }
        // Query parameters (each hostile value, URL-encoded, in one parameter at a time).
        for (const q of op.queryParams)
          for (const v of QUERY_CORPUS) {
            tally.inputs++;
            await send(client, op.method, `${url}?${q.name}=${encodeQuery(v)}`, baseBody);
          }
        // Body fields, one at a time.
        if (op.body && baseBody && typeof baseBody === 'object' && !Array.isArray(baseBody)) {
          const fields = Object.keys(baseBody as object);
          for (const f of fields)
            for (const v of FUZZ_CORPUS) {
              tally.inputs++;
              await send(client, op.method, url, { ...(baseBody as object), [f]: v });
            }
          tally.inputs += 2;
          await send(client, op.method, url, FUZZ_CORPUS);
          await send(client, op.method, url, { ...(baseBody as object), ['\u0000key']: 1 });
        }
        // Uploads: every operation with a body gets the corrupt files once.
        if (op.bodyTypes.length && (op.method === 'POST' || op.method === 'PUT') && !uploadsSent.has(op.path)) {
          uploadsSent.add(op.path);
          for (const upload of UPLOADS) {
            tally.inputs++;
            const res = await send(client, op.method, url, undefined, upload);
            if (res.statusCode < 500 && res.statusCode >= 400)
              expect(res.headers['content-type'], `${op.method} ${url}`).toMatch(/problem\+json/);
          }
        }
        slow.push([`${op.method} ${op.path}`, Date.now() - started]);
      }
      expect(tally.fivehundreds).toEqual([]);
      if (slow.length)
        console.info(
          `[${ctx.kind}] slowest operations under fuzz: ${slow
            .sort((a, b) => b[1] - a[1])
            .slice(0, 5)
            .map(([o, ms]) => `${o} ${ms} ms`)
            .join('; ')}`,
        );
    },
  );
});
