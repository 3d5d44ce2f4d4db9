// Streaming JSON records for importers: a file holding one record, a list of records, or one record per line
// (NDJSON, or records simply one after another). Records are cut out of the text by a flat scanner (no
// recursion, any nesting depth) and parsed one by one, so a national file never sits whole in memory as a tree.
import type { ImportIssue, ImportSource } from './framework.js';
import { decodeText } from './decode.js';

export type JsonRecordItem = { line: number; value: unknown } | { line: number | null; issue: ImportIssue };

/**
 * Each top-level object of the file with the line it starts on. A syntax error ends the stream with an issue
 * naming its line; so does anything at the top level that is not an object.
 */
export async function* readJsonRecords(source: ImportSource): AsyncGenerator<JsonRecordItem> {
  let mode: 'start' | 'array' | 'sequence' | 'done' = 'start';
  let base = 0; // depth at which records sit: 1 inside a top-level list, else 0
  let depth = 0;
  let inString = false;
  let escape = false;
  let line = 1;
  let buf = '';
  let pos = 0;
  let start = -1;
  let startLine = 0;
  const stop = (l: number | null, message: string): JsonRecordItem => ({ line: l, issue: { line: l, message } });
  for await (const chunk of decodeText(source)) {
    buf += chunk;
    for (; pos < buf.length; pos++) {
      const c = buf.charCodeAt(pos);
      if (c === 10) line++;
      if (inString) {
        if (escape) escape = false;
        else if (c === 92) escape = true;
        else if (c === 34) inString = false;
        continue;
      }
      if (c === 32 || c === 9 || c === 10 || c === 13) continue;
      if (depth === base && start < 0) {
        // Between records.
        if (c === 44 && mode !== 'start') continue; // ","
        if (c === 91 && mode === 'start') {
          mode = 'array';
          base = depth = 1;
          continue;
        }
        if (c === 93 && mode === 'array') {
          mode = 'done';
          depth = 0;
          base = -1;
          continue;
        }
        if (c === 123) {
          if (mode === 'start') mode = 'sequence';
          start = pos;
          startLine = line;
          depth++;
          continue;
        }
        if (c === 0xfeff) continue;
        yield stop(line, `expected a JSON object (a CQC record) but found "${buf[pos]}"`);
        return;
      }
      if (mode === 'done') {
        yield stop(line, 'unexpected text after the end of the list');
        return;
      }
      if (c === 34) inString = true;
      else if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        depth--;
        if (depth === base) {
          const text = buf.slice(start, pos + 1);
          start = -1;
          try {
            yield { line: startLine, value: JSON.parse(text) as unknown };
          } catch (e) {
            yield stop(startLine, `the record starting here is not valid JSON: ${(e as Error).message}`);
            return;
          }
        }
      }
    }
    // Keep only the unfinished record.
    if (start >= 0) {
      buf = buf.slice(start);
      pos -= start;
      start = 0;
    } else {
      buf = '';
      pos = 0;
    }
  }
  if (start >= 0 || inString)
    yield stop(startLine || line, 'the file ends inside a record: it may have been cut short');
  else if (mode === 'array') yield stop(line, 'the file ends before the list is closed ("]")');
  else if (mode === 'start') yield stop(null, 'the file holds no JSON records');
}
