// Plain JSON views of model results for the API and exports (typed arrays become number arrays,
// figures are rounded sensibly: people to 0.1, money to pence).
import { bandLabel } from './ages.js';
import type { ModelResult } from './model.js';
import type { Explanation } from './projection.js';
import { SERVICE_LABELS } from './rates.js';

const r1 = (v: number) => Math.round(v * 10) / 10;
const r2 = (v: number) => Math.round(v * 100) / 100;

/**
 * A model result as the API sends it: people and totals rounded to 1 decimal place, multipliers to 4, each
 * measure with its source, method and calibration, and the services' figures.
 */
export function modelView(result: ModelResult) {
  return {
    areaCode: result.areaCode,
    baseYear: result.baseYear,
    years: result.years,
    bands: result.bands,
    notes: result.notes,
    measures: result.measures.map((m) => {
      const p = m.projection;
      const S = p.sexes.length;
      const B = p.bands.length;
      return {
        key: m.key,
        label: m.label,
        careGroup: m.careGroup,
        careGroupLabel: m.careGroupLabel,
        kind: m.kind,
        service: m.service,
        source: m.source,
        sourceYear: m.sourceYear,
        shareKnownToAsc: m.shareKnownToAsc,
        scope: m.scope,
        method: m.method,
        methodNote: m.methodNote,
        calibration: m.calibration
          ? {
              expected: r1(m.calibration.expected),
              observed: m.calibration.observed,
              factor: Math.round(m.calibration.factor * 10000) / 10000,
            }
          : null,
        totals: p.totals.map(r1),
        multipliers: p.multipliers.map((v) => Math.round(v * 10000) / 10000),
        byBand: p.bands.map((b, bi) => ({
          band: bandLabel(b),
          values: p.years.map((_, yi) => {
            let s = 0;
            for (let si = 0; si < S; si++) s += p.people[(yi * S + si) * B + bi];
            return r1(s);
          }),
        })),
      };
    }),
    services: result.services.map((s) => ({
      service: s.service,
      label: s.label,
      unit: s.unit,
      unitsPerClient: r2(s.unitsPerClient),
      clients: s.clients.map(r1),
      gap: s.gap
        ? {
            crossingYear: s.gap.crossingYear,
            shortToday: s.gap.shortToday,
            marketFactor: Math.round(s.gap.marketFactor * 1000) / 1000,
            note: s.gap.note,
            rows: s.gap.rows.map((g) => ({
              year: g.year,
              clients: r1(g.clients),
              inUse: r1(g.inUse),
              required: r1(g.required),
              capacity: r1(g.capacity),
              gap: r1(g.gap),
            })),
          }
        : null,
    })),
    budget: {
      baseTotalPence: Math.round(result.budget.baseTotalPence),
      note: result.budget.note,
      rows: result.budget.rows.map((b) => ({
        year: b.year,
        totalPence: Math.round(b.totalPence),
        pressurePence: Math.round(b.pressurePence),
        pressureShare: Math.round(b.pressureShare * 10000) / 10000,
        services: b.services.map((s) => ({
          service: s.service,
          label: SERVICE_LABELS[s.service],
          clients: r1(s.clients),
          weeklyCostPence: Math.round(s.weeklyCostPence),
          annualCostPence: Math.round(s.annualCostPence),
        })),
      })),
    },
  };
}

export type ModelView = ReturnType<typeof modelView>;

/** An explanation of one figure as the API sends it: population and people rounded to 2 decimal places. */
export function explanationView(e: Explanation) {
  return {
    ...e,
    total: Math.round(e.total * 100) / 100,
    lines: e.lines.map((l) => ({ ...l, population: r2(l.population), people: Math.round(l.people * 100) / 100 })),
  };
}
