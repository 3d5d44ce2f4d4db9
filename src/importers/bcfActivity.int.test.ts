import { expect, it } from 'vitest';
import { describeWithDatabases } from '../db/testing.js';
import { bcfActivityImporter } from './bcfActivity.js';
import { ImportRejected, runImport, textSource } from './framework.js';

const header = 'gss_code,measure,financial_year,quarter,age_band,admissions';
const falls = (gss: string, q: number, counts: number[]) =>
  ['65-69', '70-74', '75-79', '80-84', '85-89', '90+'].map((b, i) => `${gss},falls_65,2026/27,${q},${b},${counts[i]}`);
const actor = { system: 'test' };
const file = (lines: string[]) => textSource('falls.csv', [header, ...lines].join('\n'));

describeWithDatabases('import bcf-activity', (ctx) => {
  it('counts new, updated and unchanged age-band counts on re-import', async () => {
    // Plymouth's falls admissions 65+ in two quarters of 2026/27.
    const q1 = falls('E06000026', 1, [31, 44, 62, 85, 93, 71]);
    const q2 = falls('E06000026', 2, [28, 40, 58, 79, 88, 66]);
    const first = await runImport(ctx.db, bcfActivityImporter, file(q1), { actor, options: {} });
    expect([first.created, first.updated, first.unchanged, first.removed]).toEqual([6, 0, 0, 0]);
    const same = await runImport(ctx.db, bcfActivityImporter, file(q1), { actor, options: {} });
    expect([same.created, same.updated, same.unchanged, same.removed]).toEqual([0, 0, 6, 0]);
    // Q1 revised in two bands, and Q2 added.
    const revised = falls('E06000026', 1, [31, 45, 62, 85, 94, 71]);
    const both = await runImport(ctx.db, bcfActivityImporter, file([...revised, ...q2]), { actor, options: {} });
    expect([both.created, both.updated, both.unchanged, both.removed]).toEqual([6, 2, 4, 0]);
  });

  it('refuses an impossible count with its line and column', async () => {
    const lines = falls('E06000026', 2, [31, 44, 62, 85, 93, 71]);
    lines[2] = 'E06000026,falls_65,2026/27,2,75-79,9999999';
    const err = await runImport(ctx.db, bcfActivityImporter, file(lines), { actor, options: {} }).catch(
      (e: unknown) => e,
    );
    // The refused row also leaves its quarter without that band, said once for the whole group.
    expect((err as ImportRejected).issues).toEqual([
      {
        line: null,
        field: 'age_band',
        message: 'E06000026 falls_65 2026/27 Q2: missing age band 75-79 (give 0 where there were none)',
      },
      {
        line: 4,
        field: 'admissions',
        message: '"9999999" is more than 300,000 admissions in one age band of one place in a quarter: check the value',
      },
    ]);
  });
});
