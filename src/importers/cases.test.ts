// Each real-world case in fixtures/cases (see its CASES.md) with its right result. The fix behind each covers the
// whole class (the shared reading layer, the population layouts, the Capacity Tracker columns).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RegisterContract } from '../domain/contracts/register.js';
import type { CqcLocation } from '../domain/market/cqc.js';
import type { CapacityTrackerRow } from '../domain/market/capacityTracker.js';
import { capacityImporter } from './capacity.js';
import { contractsImporter } from './contracts.js';
import { cqcImporter } from './cqc.js';
import { fileSource, type Importer } from './framework.js';
import { populationImporter } from './population.js';
import type { PopulationDataset } from './population-layouts.js';

const dir = path.join(import.meta.dirname, 'fixtures', 'cases');
async function parse<Row>(importer: Importer<Row>, file: string) {
  const r = await importer.parse(fileSource(path.join(dir, file)), {});
  expect(r.issues).toEqual([]);
  return r.rows;
}

function figures(d: PopulationDataset) {
  return d.count.map((count, i) => ({
    area: d.areaCode[i],
    year: d.year[i],
    sex: d.sex[i],
    from: d.ageFrom[i],
    to: d.ageTo[i],
    count,
  }));
}

describe('population cases', () => {
  it('C05: wide mid-year estimates with a sex column and 90+: 273 figures, 90+ the open band', async () => {
    const [d] = await parse(populationImporter, 'C05_midyear_wide_2024_sex_90plus.csv');
    expect(d).toMatchObject({ layout: 'mid-year-wide', kind: 'estimate', vintage: 'mid-2024' });
    const f = figures(d);
    expect(f).toHaveLength(273);
    expect(new Set(f.map((x) => x.sex))).toEqual(new Set(['persons', 'male', 'female']));
    const open = f.filter((x) => x.from === 90);
    expect(open.every((x) => x.to === null)).toBe(true);
    expect(open).toHaveLength(3);
    // Persons aged 0 in Trafford, mid-2024, as in the file.
    expect(f.find((x) => x.sex === 'persons' && x.from === 0)?.count).toBe(1994);
  });

  it('C07: MYEB1 with sex written M / F: 364 figures', async () => {
    const [d] = await parse(populationImporter, 'C07_myeb1_sex_MF.csv');
    const f = figures(d);
    expect(f).toHaveLength(364);
    expect(new Set(f.map((x) => x.sex))).toEqual(new Set(['male', 'female']));
    expect(new Set(f.map((x) => x.year))).toEqual(new Set([2022, 2023]));
    expect(f.find((x) => x.sex === 'female' && x.from === 0 && x.year === 2022)?.count).toBe(1006);
  });

  it('C08c: NOMIS mid-year extract, year in DATE_NAME: 273 estimates for mid-2020, Total read as persons', async () => {
    const [d] = await parse(populationImporter, 'C08c_nomis_mye_full_columns.csv');
    expect(d).toMatchObject({ layout: 'nomis', kind: 'estimate', vintage: 'mid-2020' });
    const f = figures(d);
    expect(f).toHaveLength(273);
    expect(new Set(f.map((x) => x.year))).toEqual(new Set([2020]));
    expect(f.filter((x) => x.sex === 'persons')).toHaveLength(91);
    expect(f.find((x) => x.sex === 'persons' && x.from === 0)?.count).toBe(1846);
    expect(f.find((x) => x.sex === 'persons' && x.from === 90)).toMatchObject({ to: null, count: 579 });
  });

  it('C10: SNPP saved from Excel with a trailing row of empty cells: the row skipped, 182 figures', async () => {
    const [d] = await parse(populationImporter, 'C10_snpp_trailing_empty_row.csv');
    expect(figures(d)).toHaveLength(182);
  });
});

describe('contract register cases', () => {
  it('C13: a register saved by Excel in Windows-1252: £ values and titles with their dash and apostrophe', async () => {
    const rows = (await parse(contractsImporter, 'C13_contracts_excel_cp1252_pound.csv')) as RegisterContract[];
    expect(rows.map((c) => [c.title, c.totalValuePence])).toEqual([
      ['Reablement – in-house team', 125_000_000],
      ['Carers’ assessments SLA', 9_600_000],
    ]);
  });

  it('C14: XLSX money cells holding binary floats: £124,600.00 and £30,000.00', async () => {
    const rows = (await parse(contractsImporter, 'C14_contracts_xlsx_float_money.xlsx')) as RegisterContract[];
    expect(rows.map((c) => c.totalValuePence)).toEqual([12_460_000, 3_000_000]);
    expect(rows.map((c) => c.startDate)).toEqual(['2024-04-01', '2024-04-01']);
  });
});

describe('CQC and capacity cases', () => {
  it('C02: the current CQC directory (BOM, padded title lines, CRLF, 09/Jan/2018 - 00:00 dates): 3 locations', async () => {
    const rows = (await parse(cqcImporter, 'C02_cqc_current_padded_titles_crlf.csv')) as CqcLocation[];
    expect(rows.map((l) => l.cqcLocationId)).toHaveLength(3);
    expect(rows[0]).toMatchObject({ name: 'Oakleigh House', cqcLastCheck: '2024-01-09' });
  });

  it('C15: the Capacity Tracker extract’s own columns give the same returns as Steward’s template', async () => {
    const tracker = (await parse(capacityImporter, 'C15_capacity_tracker_extract.csv')) as CapacityTrackerRow[];
    const own = await parse(capacityImporter, 'C15ctl_capacity_own_template.csv');
    const main = (r: { locationKey: string; input: CapacityTrackerRow['input'] }) => [
      r.locationKey,
      r.input.maxCapacity,
      r.input.occupied,
      r.input.vacantReserved,
      r.input.vacantAccepting,
    ];
    expect(tracker.map(main)).toEqual(own.map(main));
    expect(tracker.map((r) => [r.locationKey, r.input.maxCapacity, r.input.occupied, r.input.vacantAccepting])).toEqual(
      [
        ['1-1000000011', 30, 27, 3],
        ['1-1000000013', 40, 40, 0],
      ],
    );
    // lastupdatedbst is UK local time: 10:02:11 BST on 15 September 2025 is 09:02:11 UTC.
    expect(tracker[0].asAt?.toISOString()).toBe('2025-09-15T09:02:11.000Z');
  });
});
