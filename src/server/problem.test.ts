import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { ValidationFailure } from './problem.js';
import { issueOf, schemaErrors } from './problem.js';
import { penceSchema } from '../domain/core/bounds.js';

// What the API answers for a body its route's Zod schema refuses: the failures exactly as
// fastify-type-provider-zod hands them to the error handler.
const failures = (schema: z.ZodType, body: unknown) => {
  const validate = validatorCompiler({ schema, method: 'POST', url: '/test', httpPart: 'body' }) as (data: unknown) => {
    error?: ValidationFailure[];
  };
  return validate(body).error ?? [];
};

describe('schema failures as the API words them', () => {
  const contract = z.object({
    providerId: z.uuid().nullable(),
    totalValuePence: penceSchema('total value over the term', { min: 0, max: 100_000_000_000 }),
    noticePeriodMonths: z.number().int().min(0).max(24),
    dueDays: z.number().int().min(0).max(120).nullable(),
  });

  it('reads the Zod issue back from keyword and params, so ranges are said, never “Check …”', () => {
    const [notice] = failures(contract.pick({ noticePeriodMonths: true }), { noticePeriodMonths: 99 });
    expect(issueOf(notice)).toMatchObject({ code: 'too_big', maximum: 24, origin: 'number' });
    expect(
      schemaErrors(failures(contract, { totalValuePence: 5_000_000, noticePeriodMonths: 99, dueDays: 999 }), 'body'),
    ).toEqual([
      { field: 'providerId', message: 'Enter the provider', in: 'body' },
      { field: 'noticePeriodMonths', message: 'Notice period must be 24 months or less', in: 'body' },
      { field: 'dueDays', message: 'Due day must be 120 days or less', in: 'body' },
    ]);
  });

  it('gives one message a field, its own range before Zod’s safe-integer check (pounds, not pence)', () => {
    const errors = schemaErrors(
      failures(contract, {
        providerId: null,
        totalValuePence: Number('99999999999999999999'),
        noticePeriodMonths: 3,
        dueDays: null,
      }),
      'body',
    );
    expect(errors).toEqual([
      { field: 'totalValuePence', message: 'Total value over the term must be £1,000,000,000 or less', in: 'body' },
    ]);
  });
});
