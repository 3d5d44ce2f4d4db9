import { describe, expect, it } from 'vitest';
import { textSource } from './framework.js';
import { readJsonRecords, type JsonRecordItem } from './json.js';

async function all(text: string): Promise<JsonRecordItem[]> {
  const out: JsonRecordItem[] = [];
  for await (const item of readJsonRecords(textSource('x.json', text))) out.push(item);
  return out;
}

describe('readJsonRecords', () => {
  it('reads one record, a list, or one record per line, with the line each starts on', async () => {
    expect(await all('{"a": 1}')).toEqual([{ line: 1, value: { a: 1 } }]);
    expect(await all('[\n  {"a": "x]}"},\n  {"b": [1, {"c": 2}]}\n]\n')).toEqual([
      { line: 2, value: { a: 'x]}' } },
      { line: 3, value: { b: [1, { c: 2 }] } },
    ]);
    expect(await all('{"a":1}\n{"a":2}\r\n\n{"a":"\\"}"}\n')).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 2, value: { a: 2 } },
      { line: 4, value: { a: '"}' } },
    ]);
  });

  it('handles nesting far deeper than a recursive reader could, across chunk boundaries', async () => {
    const deep = `${'{"x":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const items = await all(`[${deep},{"y":2}]`);
    expect(items).toHaveLength(2);
    expect(items[1]).toEqual({ line: 1, value: { y: 2 } });
  });

  it('stops at a syntax error or a cut-off file, naming the line', async () => {
    const bad = await all('{"a":1}\n{"a":,}\n{"a":3}');
    expect(bad[1]).toMatchObject({ line: 2, issue: { line: 2 } });
    expect(bad).toHaveLength(2);
    expect((await all('[{"a":1},\n{"a":'))[1]).toMatchObject({ issue: { line: 2, message: /cut short/ } });
    expect((await all('[{"a":1}'))[1]).toMatchObject({ issue: { message: /before the list is closed/ } });
    expect((await all('[1, 2]'))[0]).toMatchObject({ issue: { message: /expected a JSON object/ } });
    expect((await all(''))[0]).toMatchObject({ issue: { message: /no JSON records/ } });
  });
});
