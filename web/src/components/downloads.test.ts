import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { filterSlug } from './DownloadLinks';
import { presentCell, SEX_LABELS, toCsv, toXlsx, type DownloadColumn } from './downloads';

interface Home {
  name: string;
  beds: number;
  rate: number | null;
  rating: string | null;
}

const columns: DownloadColumn<Home>[] = [
  { key: 'name', header: 'Care home' },
  { key: 'beds', header: 'Beds', numFmt: '#,##0' },
  { key: 'rate', header: 'Weekly price (£)', numFmt: '£#,##0.00' },
  { key: 'rating', header: 'CQC rating', value: (h) => h.rating ?? 'Not yet rated' },
];

const rows: Home[] = [
  { name: 'Abbey Lodge', beds: 64, rate: 1014.23, rating: 'Good' },
  { name: 'Rose Court, "the annexe"', beds: 12, rate: null, rating: null },
  { name: '=HYPERLINK("http://evil")', beds: -1, rate: 0, rating: 'Inadequate' },
];

describe('CSV export', () => {
  it('writes RFC 4180 CSV: header, quoted commas and quotes, empty for missing, CRLF', () => {
    const csv = toCsv(columns, rows);
    expect(csv.split('\r\n')).toEqual([
      'Care home,Beds,Weekly price (£),CQC rating',
      'Abbey Lodge,64,1014.23,Good',
      '"Rose Court, ""the annexe""",12,,Not yet rated',
      `"'=HYPERLINK(""http://evil"")",-1,0,Inadequate`,
      '',
    ]);
  });

  it('keeps negative numbers as numbers but neutralises text that a spreadsheet would run as a formula', () => {
    const csv = toCsv([{ key: 'x', header: 'x' }], [{ x: -5 }, { x: '-5' }, { x: '@SUM(A1)' }, { x: '+1' }]);
    expect(csv).toBe("x\r\n-5\r\n'-5\r\n'@SUM(A1)\r\n'+1\r\n");
  });
});

describe('XLSX export', () => {
  it('writes a workbook that reads back with the same cells, numbers as numbers', async () => {
    const bytes = await toXlsx(columns, rows, 'Care homes');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    const ws = wb.getWorksheet('Care homes')!;
    expect(ws.rowCount).toBe(4);
    expect(ws.getRow(1).values).toEqual([undefined, 'Care home', 'Beds', 'Weekly price (£)', 'CQC rating']);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.getCell('A2').value).toBe('Abbey Lodge');
    expect(ws.getCell('B2').value).toBe(64);
    expect(ws.getCell('C2').value).toBe(1014.23);
    expect(ws.getCell('C2').numFmt).toBe('£#,##0.00');
    expect(ws.getCell('C3').value).toBeNull();
    expect(ws.getCell('D3').value).toBe('Not yet rated');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});

describe('cells as the page shows them (issue 13)', () => {
  it('turns codes, booleans, UTC timestamps and unrounded numbers into what the page shows', () => {
    const cols: DownloadColumn<Record<string, unknown>>[] = [
      { key: 'serviceType', header: 'Service' },
      { key: 'accepting', header: 'Accepting admissions' },
      { key: 'at', header: 'Updated' },
      { key: 'occupancy', header: 'Occupancy', numFmt: '0.0%' },
      { key: 'beds', header: 'Beds', numFmt: '#,##0' },
      { key: 'ratio', header: 'Ratio' },
      { key: 'reference', header: 'Reference' },
    ];
    const csv = toCsv<Record<string, unknown>>(cols, [
      {
        serviceType: 'care_home_residential',
        accepting: true,
        at: '2026-07-01T13:05:00.000Z',
        occupancy: 0.906123456,
        beds: 120.4,
        ratio: 0.603968252178945,
        reference: 'EB-CAR-001',
      },
    ]);
    expect(csv.split('\r\n')[1]).toBe('Care home residential,Yes,2026-07-01 14:05,90.6,120,0.6,EB-CAR-001');
    expect(presentCell(new Date('2026-01-15T09:30:00Z'))).toBe('2026-01-15 09:30');
  });
});

describe('downloads in the page’s words and units (issue 13, review finding 17)', () => {
  interface Line {
    sex: string;
    population: number;
    people: number;
    occupancy: number | null;
    fragility: string;
  }
  const cols: DownloadColumn<Line>[] = [
    { key: 'sex', header: 'Sex', labels: SEX_LABELS },
    { key: 'population', header: 'Population 2026', numFmt: '#,##0' },
    { key: 'people', header: 'People', numFmt: '#,##0' },
    { key: 'occupancy', header: 'Occupancy', numFmt: '0.0%' },
    { key: 'fragility', header: 'Fragility', labels: { high: 'High', watch: 'Watch', none: 'None' } },
  ];
  const lines: Line[] = [
    { sex: 'female', population: 8568.96, people: 154.24, occupancy: 0.907, fragility: 'none' },
    { sex: 'male', population: 100.5, people: 0.4, occupancy: null, fragility: 'high' },
  ];

  it('writes labels for codes, whole counts, and shares as 0–100 under a "(%)" heading in the CSV', () => {
    expect(toCsv(cols, lines).split('\r\n')).toEqual([
      'Sex,Population 2026,People,Occupancy (%),Fragility',
      'Female,8569,154,90.7,None',
      'Male,101,0,,High',
      '',
    ]);
  });

  it('keeps a heading that already says (%) and rounds to the format’s places', () => {
    const csv = toCsv([{ key: 's', header: 'Discharged the same or next day (%)', numFmt: '0.0%' }], [{ s: 0.83612 }]);
    expect(csv).toBe('Discharged the same or next day (%)\r\n83.6\r\n');
  });

  it('writes the same labels to the XLSX, with shares as percentages formatted as the page shows them', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await toXlsx(cols, lines, 'Working'));
    const ws = wb.getWorksheet('Working')!;
    expect(ws.getCell('A2').value).toBe('Female');
    expect(ws.getCell('B2').value).toBe(8569);
    expect(ws.getCell('D2').value).toBe(0.907);
    expect(ws.getCell('D2').numFmt).toBe('0.0%');
    expect(ws.getCell('E2').value).toBe('None');
  });

  it('names the filter in words in the file name', () => {
    expect(filterSlug('Dementia (people aged 65+) 2026')).toBe('dementia-people-aged-65-2026');
    expect(filterSlug('In the borough, care home with nursing, rated Inadequate')).toBe(
      'in-the-borough-care-home-with-nursing-rated-inadequate',
    );
    expect(filterSlug('by month from 1 November 2025')).toBe('by-month-from-1-november-2025');
    // An id that slipped into a filter (the projected-need download once carried the scenario's UUID) is left out.
    expect(filterSlug('Eastbrook, 8f2c1a3e-5b7d-4c9e-a1f0-23456789abcd')).toBe('eastbrook');
    expect(filterSlug('Eastbrook, Ageing well')).toBe('eastbrook-ageing-well');
  });
});
