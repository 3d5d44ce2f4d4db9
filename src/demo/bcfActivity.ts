// The BCF joint plan's hospital activity: emergency admissions for falls (65+) and chronic ambulatory care
// sensitive conditions by age band and quarter for each place (synthetic SUS extract), and the plans for both.
import type { Db } from '../db/client.js';
import { bcfActivity, bcfMetricPlans } from '../db/bcf/schema.js';
import type { Rng } from '../domain/core/random.js';
import { ESP2013 } from '../domain/bcf/esp2013.js';
import type { FyQuarter } from '../domain/bcf/period.js';
import { DEMO_BCF_PLACES, demoBands, QUARTER_SHAPE } from './bcfPlaces.js';

/** Falls admissions a person a year by 65+ band (England-like: DSR about 1,800 per 100,000). */
const FALLS_RATES = [0.006, 0.009, 0.015, 0.028, 0.048, 0.075];
/** Chronic ACSC emergency admissions a person a year by age (rising with age). */
const acscRate = (ageFrom: number) => 0.0009 * Math.exp(0.043 * (ageFrom + 2));

/** A place whose hospital activity is made up: its plan id, GSS code, rates against England's and population. */
export interface ActivityPlace {
  placeId: string;
  gssCode: string;
  /** Falls and chronic ACSC admission rates as a multiple of the England-like rates above. */
  fallsLevel: number;
  acscLevel: number;
  /** Residents by ESP2013 band in the `k`th of `allYears` (the baseline first), or null when not known. */
  bands: (k: number) => number[] | null;
}

/**
 * Insert each place's hospital activity for every complete quarter (admissions drawn from `rng`, Poisson) and the
 * falls (per 100,000 65+ a year) and avoidable admissions (per 100,000 a quarter) plans for `allYears` (the
 * baseline first): about the baseline's standardised rates, 3% better in the first plan year and 5% in the second.
 */
export async function loadActivityFor(
  db: Db,
  places: readonly ActivityPlace[],
  allYears: readonly string[],
  completeQuarters: readonly FyQuarter[],
  rng: Rng,
): Promise<void> {
  const baseline = allYears[0];
  const activity: (typeof bcfActivity.$inferInsert)[] = [];
  const metricPlans: { placeId: string; metric: string; year: string; quarter: number; value: number }[] = [];
  for (const p of places) {
    const { placeId, fallsLevel, acscLevel } = p;
    for (const q of completeQuarters) {
      const bands = p.bands(allYears.indexOf(q.year));
      if (!bands) continue;
      const improvement = q.year === baseline ? 1 : 0.98;
      ESP2013.forEach((b, i) => {
        activity.push({
          gssCode: p.gssCode,
          measure: 'acsc',
          year: q.year,
          quarter: q.quarter,
          ageBand: b.band,
          admissions: rng.poisson((bands[i] * acscRate(b.ageFrom) * acscLevel * improvement) / 4),
          source: 'hospital activity (demo, synthetic SUS extract)',
        });
        if (b.ageFrom >= 65)
          activity.push({
            gssCode: p.gssCode,
            measure: 'falls_65',
            year: q.year,
            quarter: q.quarter,
            ageBand: b.band,
            admissions: rng.poisson(
              (bands[i] * FALLS_RATES[i - 13] * fallsLevel * improvement * QUARTER_SHAPE[q.quarter - 1] * 4) / 4,
            ),
            source: 'hospital activity (demo, synthetic SUS extract)',
          });
      });
    }
    // Plans: about the baseline's standardised rates, 3% better in the first plan year and 5% in the second.
    const fallsDsr = (FALLS_RATES.reduce((s, r, i) => s + r * ESP2013[13 + i].weight, 0) / 19_500) * 1e5 * fallsLevel;
    const acscDsr = (ESP2013.reduce((s, b) => s + acscRate(b.ageFrom) * b.weight, 0) / 1e5) * 1e5 * acscLevel;
    allYears.forEach((y, k) => {
      const better = [1.0, 0.97, 0.95][k];
      metricPlans.push({
        placeId,
        metric: 'falls',
        year: y,
        quarter: 0,
        value: Math.round(fallsDsr * better * 10) / 10,
      });
      for (const q of [1, 2, 3, 4])
        metricPlans.push({
          placeId,
          metric: 'avoidable_admissions',
          year: y,
          quarter: q,
          value: Math.round((acscDsr / 4) * better * 10) / 10,
        });
    });
  }
  for (let i = 0; i < activity.length; i += 500) await db.insert(bcfActivity).values(activity.slice(i, i + 500));
  await db.insert(bcfMetricPlans).values(metricPlans);
}

/**
 * The joint plan's places (seed 001): Havering's falls a little above England's, Barking and Dagenham's chronic
 * ACSC admissions a quarter above. `placeIds` maps place keys to the plan's place ids.
 */
export async function loadHospitalActivity(
  db: Db,
  placeIds: Record<string, string>,
  allYears: readonly string[],
  completeQuarters: readonly FyQuarter[],
  rng: Rng,
): Promise<void> {
  await loadActivityFor(
    db,
    DEMO_BCF_PLACES.map((p) => ({
      placeId: placeIds[p.key],
      gssCode: p.gssCode,
      fallsLevel: p.key === 'hav' ? 1.05 : p.key === 'bd' ? 0.93 : 0.97,
      acscLevel: p.key === 'bd' ? 1.25 : p.key === 'hav' ? 1.0 : 0.92,
      bands: (k) => demoBands(p, k),
    })),
    allYears,
    completeQuarters,
    rng,
  );
}
