import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { contractsImporter } from './contracts.js';
import { textSource } from './framework.js';

async function workbook(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Register');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const header = [
  'Contract reference',
  'Title',
  'Provider',
  'Service area',
  'Care group',
  'Contract form',
  'Funding source',
  'Total value (£)',
  'Start date',
  'End date',
  'Extension options (months)',
  'Notice period (months)',
];

describe('contract register importer (parse)', () => {
  it('reads the first sheet of an XLSX register, with real dates and numbers, after title rows', async () => {
    const buf = await workbook([
      ['Eastbrook contract register, November 2026'],
      [],
      header,
      [
        'EB-CAR-001',
        "Carers' Hub",
        'Eastbrook Carers Centre',
        "Carers' support",
        'Carers',
        'Block',
        'BCF',
        1365000,
        new Date(Date.UTC(2021, 3, 1)),
        new Date(Date.UTC(2024, 2, 31)),
        '12+12',
        3,
      ],
    ]);
    const parsed = await contractsImporter.parse(textSource('register.xlsx', buf), {});
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]).toMatchObject({
      line: 4,
      reference: 'EB-CAR-001',
      serviceArea: 'carers',
      contractForm: 'block',
      fundingSource: 'bcf',
      totalValuePence: 136_500_000,
      startDate: '2021-04-01',
      initialEndDate: '2024-03-31',
      extensionOptionsMonths: [12, 12],
    });
  });

  it('reports every bad cell with its spreadsheet row and column name', async () => {
    const buf = await workbook([
      header,
      [
        'EB-1',
        'Meals',
        'Meals CIC',
        'Meals on wheels',
        'Older people',
        'Block',
        'BCF',
        'lots',
        '2024-04-01',
        '2027-03-31',
        '',
        '3',
      ],
    ]);
    const parsed = await contractsImporter.parse(textSource('register.xlsx', buf), {});
    expect(parsed.rows).toEqual([]);
    expect(parsed.issues.map((i) => [i.line, i.field])).toEqual([
      [2, 'Service area'],
      [2, 'Total value (£)'],
    ]);
  });

  it('reads CSV with a byte-order mark and UK dates', async () => {
    const csv = `\uFEFF${header.join(',')}\r\nEB-2,Befriending,Befriending Network,Prevention,Older people,Grant,Public Health,"96,000",01/04/2025,31/03/2027,,1\r\n`;
    const parsed = await contractsImporter.parse(textSource('register.csv', csv), {});
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({
      line: 2,
      fundingSource: 'public_health_grant',
      totalValuePence: 9_600_000,
      annualValuePence: 4_800_000,
    }); // 730 days: exactly two years
  });
});
