import { describe, expect, it } from 'vitest';
import { checkFileKind, formatIssues, ImportRejected, sniffFileKind, textSource } from './framework.js';
import { mapHeader, readAllCsv } from './csv.js';

describe('readAllCsv', () => {
  it('gives each record the line it came from, skipping title lines, with CRLF, quotes and a BOM', async () => {
    const text = '\uFEFFTitle line\r\nSecond title\r\n"Name","Beds"\r\nOak House,40\r\n"Elm, Lodge",32\r\n';
    const records = await readAllCsv(textSource('homes.csv', text), { fromLine: 3 });
    expect(records).toEqual([
      { line: 3, values: ['Name', 'Beds'] },
      { line: 4, values: ['Oak House', '40'] },
      { line: 5, values: ['Elm, Lodge', '32'] },
    ]);
  });

  it('reports progress in bytes up to the file size', async () => {
    const text = 'a,b\n1,2\n3,4\n';
    let last = 0;
    const source = { ...textSource('x.csv', text), onProgress: (b: number) => (last = b) };
    await readAllCsv(source);
    expect(last).toBe(Buffer.byteLength(text));
  });
});

describe('mapHeader', () => {
  it('finds columns by any accepted spelling, case-insensitively, and names missing required ones', () => {
    const { index, issues } = mapHeader(
      ['Name', 'Local Authority', 'Postcode'],
      {
        name: { names: ['Name'] },
        la: { names: ['Local authority', 'Local Authority'] },
        beds: { names: ['Care homes beds'] },
        phone: { names: ['Phone number'], required: false },
      },
      5,
    );
    expect(index).toEqual({ name: 0, la: 1, beds: -1, phone: -1 });
    expect(issues).toEqual([
      { line: 5, field: 'Care homes beds', message: 'Missing column "Care homes beds" in the header' },
    ]);
  });
});

describe('ImportRejected', () => {
  it('says what and where for every issue, capped for readability', () => {
    const issues = Array.from({ length: 3 }, (_, i) => ({
      line: i + 6,
      field: 'Postcode',
      message: 'is not a UK postcode',
    }));
    const err = new ImportRejected('cqc.csv', [{ line: null, message: 'empty file' }, ...issues]);
    expect(err.message).toContain('4 problems found');
    expect(err.message).toContain('cqc.csv:6 [Postcode]: is not a UK postcode');
    expect(formatIssues('cqc.csv', issues, 2)).toContain('… and 1 more');
  });
});

describe('what a file is, from its first bytes', () => {
  const csv = 'Band,Effective from,Amount (£)\r\nStandard residential,01/04/2025,"£1,012.00"\r\n';
  it('tells UTF-16 text (with or without its byte-order mark) from an image or other binary file', () => {
    expect(sniffFileKind(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]))).toBe('utf16');
    expect(sniffFileKind(Buffer.from(csv, 'utf16le'))).toBe('utf16');
    expect(sniffFileKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe('image');
    expect(sniffFileKind(Buffer.from(csv, 'utf8'))).toBe('text');
  });
  it('refuses UTF-16 naming the encoding and how to save the file', async () => {
    const source = textSource('rates.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]));
    const err = await checkFileKind(source).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportRejected);
    expect((err as ImportRejected).issues[0].message).toMatch(/UTF-16.*CSV UTF-8 \(Comma delimited\)/);
  });
});
