// The population importer for a county council: a file holding only the county's districts is added up to the
// county; a file holding nothing for the configured council says so.
import { expect, it } from 'vitest';
import { putBorough } from '../db/core/settings.js';
import { populationRows } from '../db/demand/population.js';
import { describeWithDatabases } from '../db/testing.js';
import { runImport, textSource } from './framework.js';
import { populationImporter } from './population.js';

const DISTRICTS: [string, string][] = [
  ['E07000040', 'East Devon'],
  ['E07000041', 'Exeter'],
  ['E07000042', 'Mid Devon'],
  ['E07000043', 'North Devon'],
  ['E07000044', 'South Hams'],
  ['E07000045', 'Teignbridge'],
  ['E07000046', 'Torridge'],
  ['E07000047', 'West Devon'],
];

/** An SNPP-layout file (persons, 2022 and 2030) for the given areas: age a in area k holds 100 + 10k + a. */
function snpp(areas: readonly [string, string][]): string {
  const lines = ['"AREA_CODE","AREA_NAME","COMPONENT","SEX","AGE_GROUP","2022","2030"'];
  areas.forEach(([code, name], k) => {
    let total = 0;
    for (let a = 0; a <= 90; a++) {
      const v = 100 + 10 * k + a;
      total += v;
      lines.push(`${code},${name},Population,persons,${a === 90 ? '90 and over' : a},${v}.000,${v + 1}.500`);
    }
    lines.push(`${code},${name},Population,persons,All ages,${total}.000,${total + 91 * 1.5}`);
  });
  return `${lines.join('\r\n')}\r\n`;
}

describeWithDatabases('population import for a county council', (ctx) => {
  it('adds Devon up from a file holding only its eight districts', async () => {
    await putBorough(ctx.db, { name: 'Devon', gssCode: 'E10000008', synthetic: false });
    const summary = await runImport(ctx.db, populationImporter, textSource('devon-districts.csv', snpp(DISTRICTS)), {
      actor: { system: 'test' },
      options: { source: 'ONS', vintage: '2022-based SNPP' },
    });
    expect(summary.messages[0]).toBe(
      'Devon (E10000008): 182 figures added up from 8 areas (East Devon, Exeter, Mid Devon, North Devon, South Hams, Teignbridge, Torridge, West Devon)',
    );
    const rows = await populationRows(ctx.db, ['E10000008']);
    const y2030 = rows.find((r) => r.year === 2030 && r.sex === 'persons')!;
    // Age 65 in 2030: Σ_k (100 + 10k + 65 + 1.5), k = 0..7 = 8 × 166.5 + 280 = 1612.
    expect(y2030.counts[y2030.ageFrom.indexOf(65)]).toBe(1612);
    // 90+ in 2022: 8 × 190 + 280 = 1800.
    const y2022 = rows.find((r) => r.year === 2022)!;
    expect(y2022.counts[y2022.ageFrom.indexOf(90)]).toBe(1800);
  });

  it('says so when a file holds no figures for the council', async () => {
    await putBorough(ctx.db, { name: 'Plymouth', gssCode: 'E06000026', synthetic: false });
    const summary = await runImport(ctx.db, populationImporter, textSource('exeter.csv', snpp(DISTRICTS.slice(1, 2))), {
      actor: { system: 'test' },
      options: { source: 'ONS', vintage: '2022-based SNPP' },
    });
    expect(summary.messages[0]).toBe('This file holds no figures for Plymouth (E06000026)');
    await putBorough(ctx.db, { name: 'Devon', gssCode: 'E10000008', synthetic: false });
    const partial = await runImport(ctx.db, populationImporter, textSource('part.csv', snpp(DISTRICTS.slice(0, 7))), {
      actor: { system: 'test' },
      options: { source: 'ONS', vintage: '2022-based SNPP v2' },
    });
    expect(partial.messages[0]).toContain(
      'This file holds no figures for Devon (E10000008): it holds East Devon, Exeter, Mid Devon, North Devon, South Hams, Teignbridge, Torridge but not West Devon (E07000047)',
    );
  });

  it('gives a one-year file its year alone, not "2022–2022" (review 13)', async () => {
    await putBorough(ctx.db, { name: 'Exeter', gssCode: 'E07000041', synthetic: false });
    const oneYear = snpp(DISTRICTS.slice(1, 2))
      .split('\r\n')
      .map((line) => line.split(',').slice(0, 6).join(','))
      .join('\r\n');
    const summary = await runImport(ctx.db, populationImporter, textSource('exeter-2022.csv', oneYear), {
      actor: { system: 'test' },
      options: { source: 'ONS', vintage: '2022-based SNPP' },
    });
    const text = summary.messages.join(' ');
    expect(text).toMatch(/figures for 1 area, 2022 \(/);
    expect(text).not.toContain('2022–2022');
  });
});
