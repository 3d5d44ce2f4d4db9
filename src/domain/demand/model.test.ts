import { describe, expect, it } from 'vitest';
import { REPORTING_BANDS } from './ages.js';
import { DEFAULT_RATES } from './defaults.js';
import { DEFAULT_SCENARIO, runModel, scenarioParamsSchema, type ModelInput } from './model.js';
import { validateRate } from './rates.js';
import { gridFrom, yearRange } from './testing.js';

describe('shipped default rates', () => {
  it('are all valid and cite a source', () => {
    for (const r of DEFAULT_RATES) {
      expect(validateRate(r), r.key).toEqual([]);
      expect(r.source.length, r.key).toBeGreaterThan(20);
    }
    expect(new Set(DEFAULT_RATES.map((r) => r.key)).size).toBe(DEFAULT_RATES.length);
  });
  it('validation names the field at fault', () => {
    const bad = {
      ...DEFAULT_RATES[0],
      shareKnownToAsc: 1.5,
      cells: [...DEFAULT_RATES[0].cells, { sex: 'female' as const, ageFrom: 66, ageTo: 67, value: 2 }],
    };
    const fields = validateRate(bad).map((i) => i.field);
    expect(fields).toContain('shareKnownToAsc');
    expect(fields).toContain('cells.12.value');
    expect(fields).toContain('cells.12.ageFrom');
  });
});

describe('model: calibration, services, gap and budget for one area', () => {
  // Older population growing 2% a year from 2025; the rest flat.
  const grid = gridFrom('E09000099', yearRange(2025, 2045), ['female', 'male'], (year, sex, age) => {
    const growth = age >= 65 ? 1.02 ** (year - 2025) : 1;
    return (age >= 65 ? (sex === 'female' ? 600 : 500) : 1800) * growth;
  });
  const input: ModelInput = {
    grid,
    rates: DEFAULT_RATES,
    baseYear: 2025,
    bands: REPORTING_BANDS,
    currentUse: [
      { service: 'care_home_residential', clients: 480, weeklyCostPence: 85_000, hoursPerClient: null },
      { service: 'homecare', clients: 1300, weeklyCostPence: 26_000, hoursPerClient: 11 },
    ],
    supply: [
      { service: 'care_home_residential', capacity: 1100, inUseToday: 960 },
      { service: 'homecare', capacity: 16_000, inUseToday: 14_300 },
    ],
  };

  it('scales service-use rates so the base year reproduces today’s clients', () => {
    const r = runModel(input, DEFAULT_SCENARIO);
    const ch = r.measures.find((m) => m.key === 'care_home_residential_65plus')!;
    expect(ch.projection.totals[0]).toBeCloseTo(480, 9);
    expect(ch.calibration!.observed).toBe(480);
    expect(ch.calibration!.factor).toBeCloseTo(480 / ch.calibration!.expected, 12);
    // Every 65+ age grows 2% a year, so constant-rate clients do too.
    expect(ch.projection.totals[10]).toBeCloseTo(480 * 1.02 ** 10, 6);
    // Prevalence measures are not calibrated.
    expect(r.measures.find((m) => m.key === 'dementia_65plus')!.calibration).toBeNull();
    expect(r.years[0]).toBe(2025);
    expect(r.years.at(-1)).toBe(2045);
  });

  it('finds the care home crossing year and the budget pressure', () => {
    const r = runModel(input, DEFAULT_SCENARIO);
    const ch = r.services.find((s) => s.service === 'care_home_residential')!;
    // in use 960 × 1.02^t ÷ 0.95 > 1100 ⇔ 1.02^t > 1.0885 ⇔ t > 4.28 → 2030
    expect(ch.gap!.crossingYear).toBe(2030);
    expect(ch.gap!.rows[5].required).toBeCloseTo((960 * 1.02 ** 5) / 0.95, 6);
    const hc = r.services.find((s) => s.service === 'homecare')!;
    expect(hc.unitsPerClient).toBe(11);
    // 14,300 hours × 1.02^t > 16,000 (no occupancy margin for hours) ⇔ t > 5.67 → 2031
    expect(hc.gap!.crossingYear).toBe(2031);
    const y2035 = r.budget.rows[10];
    const expected = (480 * 85_000 + 1300 * 26_000) * (1.02 ** 10 - 1) * (365 / 7); // pence
    expect(y2035.pressurePence).toBeCloseTo(expected, 2);
  });

  it('moves the gap and budget when the commissioner changes a rate, the method or a lever', () => {
    const base = runModel(input, DEFAULT_SCENARIO);
    // Doubling dementia prevalence doubles dementia but leaves calibrated services alone.
    const doubled = runModel(input, { ...DEFAULT_SCENARIO, rateAdjustments: { dementia_65plus: { factor: 2 } } });
    const dem = (r: typeof base) => r.measures.find((m) => m.key === 'dementia_65plus')!.projection.totals[5];
    expect(dem(doubled)).toBeCloseTo(2 * dem(base), 9);
    // A custom trajectory on care home use: +20% by 2030 brings the crossing forward.
    const custom = runModel(input, {
      ...DEFAULT_SCENARIO,
      method: 'custom',
      trajectories: { care_home_residential_65plus: [{ year: 2030, factor: 1.2 }] },
    });
    expect(custom.services.find((s) => s.service === 'care_home_residential')!.gap!.crossingYear).toBeLessThan(2030);
    // Diverting 30% of new admissions to homecare pushes the care home crossing year back and cuts cost.
    const lever = runModel(input, {
      ...DEFAULT_SCENARIO,
      lever: {
        from: 'care_home_residential',
        to: 'homecare',
        share: 0.3,
        startYear: 2025,
        meanStayYears: 2.5,
        ratio: 1,
      },
    });
    const chLever = lever.services.find((s) => s.service === 'care_home_residential')!;
    expect(chLever.gap!.crossingYear === null || chLever.gap!.crossingYear > 2030).toBe(true);
    expect(lever.budget.rows[10].totalPence).toBeLessThan(base.budget.rows[10].totalPence);
    expect(lever.notes.join(' ')).toMatch(/30% of new residential care home admissions/);
  });

  it('gives service-use rates a history from past clients, so the trend method extends local growth', () => {
    // Clients grew 5% a year while the 65+ population grew 2%: the crude rate rose about 2.9% a year.
    const pastUse = [2022, 2023, 2024].map((year) => ({
      year,
      use: [
        {
          service: 'care_home_residential' as const,
          clients: 480 / 1.05 ** (2025 - year),
          weeklyCostPence: 85000,
          hoursPerClient: null,
        },
      ],
    }));
    const withHistory = {
      ...input,
      grid: gridFrom(
        'E09000099',
        yearRange(2022, 2045),
        ['female', 'male'],
        (year, sex, age) =>
          (age >= 65 ? (sex === 'female' ? 600 : 500) : 1800) * (age >= 65 ? 1.02 ** (year - 2025) : 1),
      ),
      pastUse,
    };
    const constant = runModel(withHistory, DEFAULT_SCENARIO);
    const trend = runModel(withHistory, { ...DEFAULT_SCENARIO, method: 'trend' });
    const ch = (r: typeof constant) => r.measures.find((m) => m.key === 'care_home_residential_65plus')!;
    const history = ch(trend).rate.history;
    expect(history.map((p) => p.year)).toEqual([2022, 2023, 2024, 2025]);
    // value = clients ÷ population aged 65+ (1,100 at each of 26 ages, × 1.02^t)
    expect(history[3].value).toBeCloseTo(480 / (1100 * 26), 12);
    expect(history[0].value).toBeCloseTo(480 / 1.05 ** 3 / ((1100 * 26) / 1.02 ** 3), 12);
    expect(ch(trend).method).toBe('trend');
    expect(ch(trend).projection.totals[0]).toBeCloseTo(480, 9);
    expect(ch(trend).projection.totals[10]).toBeGreaterThan(ch(constant).projection.totals[10] * 1.2);
    expect(ch(constant).projection.totals[10]).toBeCloseTo(480 * 1.02 ** 10, 6);
  });

  it('validates scenario parameters', () => {
    expect(scenarioParamsSchema.safeParse(DEFAULT_SCENARIO).success).toBe(true);
    const bad = scenarioParamsSchema.safeParse({ ...DEFAULT_SCENARIO, targetOccupancy: 1.2 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].path).toEqual(['targetOccupancy']);
  });
});
