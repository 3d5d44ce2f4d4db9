import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inputProblems, numberProblem, schemaRefusedPaths, textProblem, withoutSchemaRefused } from './input-guard.js';

describe('inputProblems', () => {
  it('finds NUL bytes, impossible dates and oversized integers in parsed JSON, naming the field', () => {
    expect(
      inputProblems({ name: 'a\u0000b', items: [{ startDate: '2026-02-30', beds: 2 ** 31 }] }, 'body').map(
        (p) => p.field,
      ),
    ).toEqual(['name', 'items.0.startDate', 'items.0.beds']);
  });

  it('leaves a streamed upload alone: a stream, a Buffer or a typed array is the importer’s to read', () => {
    // A stream's object graph is deep and circular: walking it once hung the server on every Data page upload.
    const stream = new PassThrough();
    stream.end(Buffer.from('{"numberOfBeds": "many"}'));
    expect(inputProblems(stream, 'body')).toEqual([]);
    expect(inputProblems(Buffer.from('a\u0000b'), 'body')).toEqual([]);
    expect(inputProblems(new Uint8Array(100_000), 'body')).toEqual([]);
  });
});

describe('oversized numbers', () => {
  it('names the field by its label and says the limit in the user’s units', () => {
    expect(numberProblem(99_999_999_999, 'closedBeds')).toBe('Closed beds must be 2,147,483,647 or less');
    expect(numberProblem(-99_999_999_999, 'closedBeds')).toBe('Closed beds must be -2,147,483,647 or more');
    expect(numberProblem(Number('99999999999999999999'), 'annualValuePence')).toBe(
      'Annual value must be £90,071,992,547,409.91 or less',
    );
    expect(numberProblem(2_000, 'closedBeds')).toBeNull();
  });

  it('leaves an oversized number to the route’s own schema when it refuses it too (its range is the real one)', () => {
    const schema = z.object({
      totalValuePence: z.number().int().max(100_000_000_000),
      noticePeriodMonths: z.number().int().max(24),
      beds: z.number(),
    });
    const body = { totalValuePence: Number('99999999999999999999'), noticePeriodMonths: 99, beds: 99_999_999_999 };
    const found = inputProblems(body, 'body');
    expect(found.map((p) => p.field)).toEqual(['totalValuePence', 'beds']);
    const refused = schemaRefusedPaths(schema, body);
    expect([...refused].sort()).toEqual(['noticePeriodMonths', 'totalValuePence']);
    // The schema refuses the total (it will say "£1,000,000,000 or less"); beds it would let through, so the guard
    // keeps its own refusal.
    expect(withoutSchemaRefused(found, refused).map((p) => p.field)).toEqual(['beds']);
    expect(schemaRefusedPaths(undefined, body).size).toBe(0);
  });

  it('writes its date example out in words as well as in the form the API takes', () => {
    expect(textProblem('2026-02-30')).toBe('Enter a real date, for example 27 March 2026 (written 2026-03-27)');
  });

  it('checks the calendar as every date schema does: leap days, month 13, date-times', () => {
    expect(textProblem('2028-02-29')).toBeNull();
    expect(textProblem('2027-02-29')).toMatch(/^Enter a real date/);
    expect(textProblem('2026-13-01')).toMatch(/^Enter a real date/);
    expect(textProblem('2026-04-31T09:30:00Z')).toMatch(/^Enter a real date/);
    expect(textProblem('2026-04-30T09:30:00Z')).toBeNull();
    expect(textProblem('1899-12-31')).toBe('Enter a date between 1900 and 2199');
  });
});
