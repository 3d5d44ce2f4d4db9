import { describe, expect, it } from 'vitest';
import { parseMoneyToPence } from '../core/money.js';
import { parseExtensionOptions, parseRegister, parseUkDate } from './register.js';

const headers = [
  'Contract reference',
  'Title',
  'Provider',
  'CQC provider ID',
  'Service area',
  'Care group',
  'Contract form',
  'Funding source',
  'Total value (£)',
  'Annual value (£)',
  'Start date',
  'End date',
  'Extension options (months)',
  'Extensions taken',
  'Break clauses',
  'Notice period (months)',
  'Social value commitments',
  'Lead officer',
];

describe('contract register parsing', () => {
  it('reads values as councils write them', () => {
    expect(parseMoneyToPence('£1,250,000.5')).toBe(125_000_050);
    expect(parseMoneyToPence('12.345')).toBeNull();
    expect(parseUkDate('31/03/2026')).toBe('2026-03-31');
    expect(parseUkDate('31/02/2026')).toBeNull();
    expect(parseExtensionOptions('12+12')).toEqual([12, 12]);
    expect(parseExtensionOptions('2 x 12')).toEqual([12, 12]);
    expect(parseExtensionOptions('')).toEqual([]);
    expect(parseExtensionOptions('one year')).toBeNull();
  });

  it('validates the whole file and names line and field', () => {
    const rows = [
      {
        line: 2,
        cells: [
          'ASC-001',
          "Carers' hub",
          'Havering Carers Trust',
          '',
          "Carers' support",
          'Carers',
          'Grant',
          'BCF',
          '£1,350,000',
          '',
          '01/04/2023',
          '31/03/2026',
          '12',
          '0',
          '',
          '3',
          '2 local apprenticeships',
          'J. Smith',
        ],
      },
      {
        line: 3,
        cells: [
          'ASC-002',
          'Homecare framework',
          'Acme Care',
          '1-123',
          'Homecare',
          'Older people',
          'Framework',
          'General fund',
          '9000000',
          '3000000',
          '2023-04-01',
          '2026-03-31',
          '12+12',
          '1',
          '2025-03-31',
          '3',
          '',
          '',
        ],
      },
    ];
    const ok = parseRegister(rows, headers);
    expect(ok.issues).toEqual([]);
    expect(ok.contracts).toHaveLength(2);
    expect(ok.contracts[0]).toMatchObject({
      serviceArea: 'carers',
      careGroup: 'carers',
      contractForm: 'grant',
      fundingSource: 'bcf',
      totalValuePence: 135_000_000,
      extensionOptionsMonths: [12],
    });
    // 1,096 days in the term: £1,350,000 × 365 / 1,096 = £449,589.42
    expect(ok.contracts[0].annualValuePence).toBe(44_958_942);
    expect(ok.contracts[1]).toMatchObject({
      contractForm: 'framework_call_off',
      fundingSource: 'general_fund',
      extensionsTaken: 1,
      breakClauseDates: ['2025-03-31'],
    });

    const bad = parseRegister(
      [
        rows[0],
        {
          line: 3,
          cells: [
            'ASC-001',
            'Dup',
            'X',
            '',
            'Homecare',
            'Older people',
            'Spot',
            'BCF',
            '10',
            '',
            '2024-01-01',
            '2023-01-01',
            '',
            '',
            '',
            '',
            '',
            '',
          ],
        },
        {
          line: 4,
          cells: [
            'ASC-003',
            'Bad',
            '',
            '',
            'Gardening',
            'Older people',
            'Block',
            'Lottery',
            '£ten',
            '',
            '2024-13-01',
            '2025-01-01',
            '12+x',
            '',
            '',
            '',
            '',
            '',
          ],
        },
      ],
      headers,
    );
    expect(bad.contracts).toEqual([]);
    expect(bad.issues).toEqual([
      { line: 3, field: 'End date', message: 'End date of the initial term must be on or after the start date' },
      {
        line: 4,
        field: 'Provider',
        message: 'Give the provider name or CQC provider ID (only an in-house SLA has no provider)',
      },
      { line: 4, field: 'Service area', message: expect.stringContaining('Unknown service area "Gardening"') },
      { line: 4, field: 'Funding source', message: expect.stringContaining('Unknown funding source "Lottery"') },
      {
        line: 4,
        field: 'Total value (£)',
        message: 'Total value "£ten" is not an amount in pounds (e.g. 1250000 or £1,250,000.00)',
      },
      { line: 4, field: 'Start date', message: 'Start date "2024-13-01" is not a date (use YYYY-MM-DD or DD/MM/YYYY)' },
      {
        line: 4,
        field: 'Extension options (months)',
        message: 'Extension options "12+x" should be months per option, e.g. 12+12 or 2 x 12',
      },
    ]);
  });

  it('reports missing columns on the header line and duplicate references', () => {
    expect(parseRegister([], ['Reference', 'Title'], 5).issues.map((i) => [i.line, i.field])).toEqual([
      // Columns the file lacks are named by their usual headings.
      [5, 'Service area'],
      [5, 'Care group'],
      [5, 'Contract form'],
      [5, 'Funding source'],
      [5, 'Total value'],
      [5, 'Start date'],
      [5, 'End date'],
    ]);
    // Each message names the usual heading first, then the others accepted (issue 13: "Missing column "client
    // group"" for a file that needed "Care group").
    const messages = parseRegister([], ['Reference', 'Title'], 5).issues.map((i) => i.message);
    expect(messages).toContain('Missing column "Care group": add a column headed "Care group" (or "Client group")');
    expect(messages).toContain(
      'Missing column "Contract form": add a column headed "Contract form" (or "Contract type" or "Form")',
    );
    const row = [
      'ASC-001',
      'Hub',
      'P',
      '',
      'Carers',
      'Carers',
      'Grant',
      'BCF',
      '100',
      '',
      '2023-04-01',
      '2026-03-31',
      '',
      '',
      '',
      '',
      '',
      '',
    ];
    const dup = parseRegister(
      [
        { line: 2, cells: row },
        { line: 7, cells: row },
      ],
      headers,
    );
    expect(dup.issues).toEqual([
      { line: 7, field: 'Contract reference', message: 'Reference ASC-001 is repeated (first on line 2)' },
    ]);
  });
});
