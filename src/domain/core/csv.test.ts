import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvOfRecords, csvOfRows, formulaSafe } from './csv.js';

describe('the one CSV writer', () => {
  it('writes RFC 4180: quotes commas, quotes and line breaks (a lone LF or CR too), empty for missing, CRLF', () => {
    const csv = csvOfRows([
      ['Care home', 'Beds', 'Notes'],
      ['Rose Court, "the annexe"', 12, 'line one\nline two'],
      ['Abbey Lodge', null, 'carriage\rreturn'],
    ]);
    expect(csv).toBe(
      'Care home,Beds,Notes\r\n"Rose Court, ""the annexe""",12,"line one\nline two"\r\nAbbey Lodge,,"carriage\rreturn"\r\n',
    );
    // It reads back as written.
    expect(parse(csv)).toEqual([
      ['Care home', 'Beds', 'Notes'],
      ['Rose Court, "the annexe"', '12', 'line one\nline two'],
      ['Abbey Lodge', '', 'carriage\rreturn'],
    ]);
  });

  it('writes text a spreadsheet would run as a formula with a leading apostrophe, and numbers as numbers', () => {
    expect(csvOfRows([['=HYPERLINK("http://evil")', '@SUM(A1)', '+1', '-5', -5, '\tx', 'plain']])).toBe(
      `"'=HYPERLINK(""http://evil"")",'@SUM(A1),'+1,'-5,-5,'\tx,plain\r\n`,
    );
    expect(formulaSafe('=1+1')).toBe("'=1+1");
    expect(formulaSafe('Abbey Lodge')).toBe('Abbey Lodge');
  });

  it('writes records under a header of the columns asked for, in that order, with the guard and an optional BOM', () => {
    const csv = csvOfRecords([{ name: '=cmd', id: 'a1' }, { id: 'b2' }], ['id', 'name'], { bom: true });
    expect(csv).toBe("\uFEFFid,name\r\na1,'=cmd\r\nb2,\r\n");
  });
});
