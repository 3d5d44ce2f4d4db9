import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { inputProblems } from './input-guard.js';

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
