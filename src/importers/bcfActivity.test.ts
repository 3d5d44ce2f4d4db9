import { describe, expect, it } from 'vitest';
import { bcfActivityImporter } from './bcfActivity.js';
import { textSource } from './framework.js';

const header = 'gss_code,measure,financial_year,quarter,age_band,admissions';
const falls = (gss: string, q: number, counts: number[]) =>
  ['65-69', '70-74', '75-79', '80-84', '85-89', '90+'].map((b, i) => `${gss},falls_65,2026/27,${q},${b},${counts[i]}`);

describe('bcf-activity importer', () => {
  it('reads counts by place, measure, quarter and band', async () => {
    const csv = [header, ...falls('E09000016', 1, [30, 45, 60, 80, 90, 70])].join('\n');
    const { rows, issues } = await bcfActivityImporter.parse(textSource('activity.csv', csv), {});
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(6);
    expect(rows[5]).toMatchObject({
      gssCode: 'E09000016',
      measure: 'falls_65',
      year: '2026/27',
      quarter: 1,
      ageBand: '90+',
      admissions: 70,
    });
  });

  it('reports every bad cell with its line and column, and a missing band for the group', async () => {
    const lines = falls('E09000016', 1, [30, 45, 60, 80, 90, 70]);
    lines[1] = 'E09000016,falls_65,2026/27,1,70-74,-3';
    lines[2] = 'E0900016,falls_65,2026/27,1,75-79,60';
    lines[3] = 'E09000016,falls_65,2026/27,5,80-84,80';
    lines.push('E09000016,falls_65,2026/27,1,60-64,1');
    const { issues } = await bcfActivityImporter.parse(textSource('activity.csv', [header, ...lines].join('\n')), {});
    expect(issues).toEqual([
      { line: 3, field: 'admissions', message: '"-3" is not a whole number of admissions' },
      { line: 4, field: 'gss_code', message: '"E0900016" is not a GSS code such as E09000016' },
      { line: 5, field: 'quarter', message: '"5" is not a quarter 1 to 4' },
      { line: 8, field: 'age_band', message: '"60-64" is not an age band of falls_65 (65-69 … 90+)' },
      {
        line: null,
        field: 'age_band',
        message: 'E09000016 falls_65 2026/27 Q1: missing age bands 70-74, 75-79, 80-84 (give 0 where there were none)',
      },
    ]);
  });

  it('names a missing column', async () => {
    const { issues } = await bcfActivityImporter.parse(
      textSource('a.csv', 'gss_code,measure,year,quarter,age_band\n'),
      {},
    );
    expect(issues).toEqual([
      { line: 1, field: 'admissions', message: 'Missing column "admissions" in the header (or "count" or "value")' },
    ]);
  });

  it('names each column by its heading in the file, not by Steward’s field name', async () => {
    const csv = ['GSS code,Measure,Financial year,Quarter,Age band,Admissions', 'E0900016,falls_65,2026/27,1,60-64,x'];
    const { issues } = await bcfActivityImporter.parse(textSource('activity.csv', csv.join('\n')), {});
    expect(issues.map((i) => [i.line, i.field])).toEqual([
      [2, 'GSS code'],
      [2, 'Age band'],
      [2, 'Admissions'],
    ]);
  });
});

describe('bcf-activity quarters (issue 13, finding 3)', () => {
  it('refuses activity for a quarter that has not ended, as BCF actual spend and KPI returns do', async () => {
    const csv = [header, ...falls('E09000016', 1, [30, 45, 60, 80, 90, 70])]
      .join('\n')
      .replaceAll('2026/27', '2099/00');
    const { issues } = await bcfActivityImporter.parse(textSource('activity.csv', csv), {});
    expect(issues[0]).toEqual({
      line: 2,
      field: 'quarter',
      message: 'The quarter 2099/00 Q1 has not ended yet: actual figures can be given once it has',
    });
  });
});
