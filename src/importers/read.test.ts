import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ImportRejected, textSource } from './framework.js';
import { readText } from './decode.js';
import { readAllTable } from './read.js';
import { formatDecimals, numberText } from './xlsx.js';

async function refusal(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportRejected);
  return (err as ImportRejected).issues.map((i) => i.message).join('\n');
}

const HEADER = 'Reference,Title,Value (£)\r\n';
const ROW = 'R-1,Carers’ support – hub,"£1,250.00"\r\n';

describe('text encodings', () => {
  it('reads UTF-8 with and without a byte order mark alike', async () => {
    const plain = Buffer.from(HEADER + ROW, 'utf8');
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]);
    const a = await readAllTable(textSource('a.csv', plain));
    const b = await readAllTable(textSource('b.csv', withBom));
    expect(a).toEqual(b);
    expect(a[0].cells[0]).toBe('Reference');
    expect(a[1].cells).toEqual(['R-1', 'Carers’ support – hub', '£1,250.00']);
  });

  it('reads Windows-1252 as Excel writes "CSV (Comma delimited)": £, en dash and curly apostrophe intact', async () => {
    const bytes = iconv.encode(HEADER + ROW, 'win1252');
    expect(bytes.includes(0xa3)).toBe(true); // £ is one byte, not UTF-8
    const rows = await readAllTable(textSource('excel.csv', bytes));
    expect(rows[0].cells[2]).toBe('Value (£)');
    expect(rows[1].cells[1]).toBe('Carers’ support – hub');
  });

  it('decides at the first non-ASCII byte even when it comes after the first chunk', async () => {
    const ascii = 'a,b\n'.repeat(40_000);
    const bytes = Buffer.concat([Buffer.from(ascii), iconv.encode('Café,£5\n', 'win1252')]);
    const text = await readText(textSource('late.csv', bytes));
    expect(text.endsWith('Café,£5\n')).toBe(true);
  });

  it('refuses UTF-16 naming the encoding, with or without its byte order mark', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEADER + ROW, 'utf16le')]);
    expect(await refusal(readAllTable(textSource('u16.csv', le)))).toMatch(/UTF-16LE/);
    const noBom = Buffer.from(HEADER + ROW + ROW + ROW, 'utf16le');
    expect(await refusal(readAllTable(textSource('u16nobom.csv', noBom)))).toMatch(/UTF-16LE|not text/);
  });

  it('refuses a non-Latin encoding the detector recognises, naming it', async () => {
    const sjis = iconv.encode(
      '名前,住所,電話番号\n東京介護センター,東京都千代田区一丁目,03-1234-5678\n'.repeat(20),
      'Shift_JIS',
    );
    expect(await refusal(readAllTable(textSource('sjis.csv', sjis)))).toMatch(/Shift_JIS/);
  });

  it('refuses a file that is UTF-8 first and something else later, naming the line', async () => {
    const bytes = Buffer.concat([Buffer.from('name\nCafé\n', 'utf8'), iconv.encode('Caf\u00e9 two\n', 'win1252')]);
    expect(await refusal(readText(textSource('mixed.csv', bytes)))).toMatch(/mixes encodings.*line 3/);
  });

  it('refuses the binary .xls format and bytes that are not text', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect(await refusal(readAllTable(textSource('old.xls', xls)))).toMatch(/Excel 97–2003/);
    const binary = Buffer.from([0x41, 0x42, 0, 0x43, 0x44]);
    expect(await refusal(readAllTable(textSource('bin.csv', binary)))).toMatch(/not text/);
  });
});

describe('rows of empty cells', () => {
  it('skips blank lines and rows of empty cells anywhere, keeping the lines of the others', async () => {
    const rows = await readAllTable(textSource('t.csv', 'a,b\r\n,\r\n1,2\r\n\r\n , \r\n3,4\r\n,,\r\n'));
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['1', '2'] },
      { line: 6, cells: ['3', '4'] },
    ]);
  });

  it('names the line of malformed quoting', async () => {
    const msg = await refusal(readAllTable(textSource('q.csv', 'a,b\n1,"2\n3,4"x\n')));
    expect(msg).toMatch(/not valid CSV/);
  });
});

describe('XLSX cells', () => {
  async function workbook(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    fill(wb.addWorksheet('Register'));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('rounds numbers to their format, clears float noise, reads dates and skips empty rows', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['Ref', 'Value', 'Hours', 'Start', 'Updated']);
      ws.addRow([]);
      const r = ws.addRow([
        'A',
        124599.99999999999,
        12.5,
        new Date(Date.UTC(2024, 3, 1)),
        new Date(Date.UTC(2025, 8, 15, 10, 2, 11)),
      ]);
      r.getCell(2).numFmt = '"£"#,##0.00';
      const r2 = ws.addRow(['B', 30000.004999, 0.1 + 0.2, null, null]);
      r2.getCell(2).numFmt = '£#,##0.00';
      ws.addRow([null, null, null]);
      ws.addRow(['C', 1234.5678, 7]);
    });
    const rows = await readAllTable(textSource('anything.bin', bytes));
    expect(rows.map((r) => r.line)).toEqual([1, 3, 4, 6]);
    expect(rows[1].cells).toEqual(['A', '124600', '12.5', '2024-04-01', '2025-09-15 10:02:11']);
    expect(rows[2].cells.slice(0, 3)).toEqual(['B', '30000', '0.3']);
    expect(rows[3].cells).toEqual(['C', '1234.5678', '7']);
  });

  it('reads a named worksheet and refuses a missing one', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').addRow(['read me']);
    wb.addWorksheet('Data').addRow(['x', 1]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await readAllTable(textSource('w.xlsx', bytes)))[0].cells).toEqual(['read me']);
    expect((await readAllTable(textSource('w.xlsx', bytes), { sheet: 'Data' }))[0].cells).toEqual(['x', '1']);
    expect(await refusal(readAllTable(textSource('w.xlsx', bytes), { sheet: 'Sheet9' }))).toMatch(
      /no worksheet "Sheet9" \(it has Notes, Data\)/,
    );
  });

  it('refuses a workbook whose archive stops part-way instead of waiting for ever', async () => {
    // C14 with one stray byte (0x81) inserted inside a compressed entry: exceljs's streaming unzip never settles.
    const c14 = readFileSync(
      path.join(import.meta.dirname, 'fixtures', 'cases', 'C14_contracts_xlsx_float_money.xlsx'),
    );
    const damaged = Buffer.concat([c14.subarray(0, 5748), Buffer.from([0x81]), c14.subarray(5748)]);
    expect(await refusal(readAllTable(textSource('C14.xlsx', damaged), { stallMs: 300 }))).toMatch(
      /not a readable XLSX workbook: the archive is damaged/,
    );
    // The same file whole still reads: the watchdog does not cut a healthy workbook short.
    expect((await readAllTable(textSource('C14.xlsx', c14), { stallMs: 300 })).length).toBeGreaterThan(1);
  });

  it('knows the decimals a number format shows', () => {
    expect(formatDecimals('£#,##0.00')).toBe(2);
    expect(formatDecimals('"£"#,##0.00;[Red]-"£"#,##0.00')).toBe(2);
    expect(formatDecimals('0')).toBe(0);
    expect(formatDecimals('0.0%')).toBe(1);
    expect(formatDecimals('General')).toBeNull();
    expect(formatDecimals('dd/mm/yyyy')).toBeNull();
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(96000.005, '#,##0.00')).toBe('96000.01');
  });
});
