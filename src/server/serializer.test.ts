// A stored figure outside a response schema's bound is sent as stored (and logged), never a 500 (issue 13, finding 1).
import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBoundsTolerantSerializerCompiler } from './serializer.js';

async function appAnswering(data: unknown) {
  const warnings: { path: string }[] = [];
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(createBoundsTolerantSerializerCompiler((d) => warnings.push(d)));
  const schema = z.object({
    rows: z.array(z.object({ pence: z.number().int().min(0).max(100), note: z.string().max(3) })),
    name: z.string(),
  });
  app.get('/x', { schema: { response: { 200: schema } } }, async () => data as never);
  await app.ready();
  const res = await app.inject({ url: '/x' });
  await app.close();
  return { res, warnings };
}

describe('bounds-tolerant response serializer', () => {
  it('sends values beyond a bound as stored, logs each, and still strips unknown keys', async () => {
    const { res, warnings } = await appAnswering({
      rows: [
        { pence: 500_000_000_000_000, note: 'long note' },
        { pence: 12.5, note: 'ok' },
        { pence: -4, note: 'ok', secret: 'x' },
      ],
      name: 'Plan',
      hidden: 'not in the schema',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      rows: [
        { pence: 500_000_000_000_000, note: 'long note' },
        { pence: 12.5, note: 'ok' },
        { pence: -4, note: 'ok' },
      ],
      name: 'Plan',
    });
    expect(warnings.map((w) => w.path)).toEqual(
      expect.arrayContaining(['rows.0.pence', 'rows.0.note', 'rows.1.pence', 'rows.2.pence']),
    );
  });

  it('still fails an answer of the wrong shape', async () => {
    const { res } = await appAnswering({ rows: [{ pence: 1, note: 'a' }] });
    expect(res.statusCode).toBe(500);
  });
});
