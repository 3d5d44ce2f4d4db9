// The planner's editable assumptions: a scenario shown as form fields (strings), and back again with errors
// named by the field path the server uses (services.1.capacity), so one error summary serves both. Money is
// typed in pounds and kept in pence.
import type { Scenario } from './types';
import { enterMessage } from '../../../../src/domain/core/messages';
import { assumptionMessage, PLANNER_ASSUMPTIONS } from '../../../../src/domain/discharge/simulation/scenario';

export interface ServiceAssumptions {
  capacity: string;
  perDay: string;
  losMean: string;
  losSd: string;
  /** Pounds per place-day, or per visit for a visit service. */
  cost: string;
  /** Visit services: visits a day at the start and at the end of a stay. */
  visitsFirst: string;
  visitsLast: string;
  /** Bed and slot services: flex places opened when this many are waiting ('' or 0: none). */
  flexPlaces: string;
  flexOpenWhenWaiting: string;
}

export interface Assumptions {
  costPerAcuteBedDay: string;
  withinDays: string;
  sharePercent: string;
  replications: string;
  services: ServiceAssumptions[];
}

export interface FieldProblem {
  field: string;
  message: string;
}

const text = (n: number) => String(Math.round(n * 1000) / 1000);
/** Days (lengths of stay) to one decimal place, as a person would enter them. */
const days = (n: number) => String(Math.round(n * 10) / 10);
/** Referrals a day to two decimal places. */
const perDayText = (n: number) => String(Math.round(n * 100) / 100);
const pounds = (pence: number) => String(Math.round(pence) / 100);

/**
 * The form fields for a scenario: stays in days to one decimal place and referrals a day to two (issue 13: the
 * form showed 18.443 days and 5.932 referrals). A field left as shown keeps the scenario's exact figure when the
 * form is applied (`applyAssumptions`), so showing fewer places never changes the results.
 */
export function assumptionsOf(scenario: Scenario): Assumptions {
  return {
    costPerAcuteBedDay: pounds(scenario.costPerAcuteBedDayPence),
    withinDays: text(scenario.target.withinDays),
    sharePercent: text(scenario.target.share * 100),
    replications: String(scenario.replications),
    services: scenario.services.map((s) => {
      const los = s.lengthOfStay;
      const mean =
        los.kind === 'fixed'
          ? los.days
          : los.kind === 'empirical'
            ? los.days.reduce((a, b) => a + b, 0) / los.days.length
            : los.mean;
      const sd = los.kind === 'lognormal' || los.kind === 'gamma' ? los.sd : los.kind === 'exponential' ? los.mean : 0;
      const a = s.arrivals;
      return {
        capacity: String(s.capacity),
        perDay:
          a.kind === 'poisson'
            ? perDayText(a.perDay)
            : a.kind === 'series'
              ? perDayText(a.perDay.reduce((x, y) => x + y, 0) / a.perDay.length)
              : perDayText(a.times.length / 365),
        losMean: days(mean),
        losSd: days(sd),
        cost: pounds(s.unit === 'visit' ? s.costPerVisitPence : s.costPerPlaceDayPence),
        visitsFirst: s.unit === 'visit' ? text(s.visits.firstDay) : '',
        visitsLast: s.unit === 'visit' ? text(s.visits.lastDay) : '',
        flexPlaces: s.flex ? String(s.flex.places) : '0',
        flexOpenWhenWaiting: s.flex ? String(s.flex.openWhenWaiting) : '5',
      };
    }),
  };
}

/** The scenario with the edited assumptions applied, or the fields that are wrong. */
export function applyAssumptions(
  base: Scenario,
  a: Assumptions,
): { scenario: Scenario; problems: [] } | { scenario: null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  // The fields as the form first showed them: one left as shown keeps the scenario's exact figure.
  const shown = assumptionsOf(base);
  const unchanged = (entered: string, asShown: string) => entered.trim() === asShown;
  type Kind = keyof typeof PLANNER_ASSUMPTIONS;
  const num = (
    field: string,
    label: string,
    value: string,
    opts: { min?: number; max?: number; integer?: boolean; positive?: boolean; kind?: Kind },
  ) => {
    const v = Number(value.trim().replace(/,/g, '').replace(/^£/, ''));
    if (value.trim() === '' || !Number.isFinite(v)) {
      problems.push({ field, message: `${enterMessage(label)} as a number` });
      return NaN;
    }
    // An assumption with a domain range (src/domain/discharge/simulation/scenario.ts): the API's range and words.
    if (opts.kind) {
      const a: { range: { min: number; max: number }; whole?: boolean; pence?: boolean; aboveMin?: boolean } =
        PLANNER_ASSUMPTIONS[opts.kind];
      const x = a.pence ? Math.round(v * 100) : v;
      const low = a.aboveMin ? x <= a.range.min : x < a.range.min;
      if ((a.whole && !Number.isInteger(x)) || low || x > a.range.max)
        problems.push({ field, message: assumptionMessage(opts.kind, label) });
      return v;
    }
    if (opts.integer && !Number.isInteger(v)) problems.push({ field, message: `${cap(label)} must be a whole number` });
    else if (opts.positive && v <= 0) problems.push({ field, message: `${cap(label)} must be more than 0` });
    else if (opts.min !== undefined && v < opts.min)
      problems.push({ field, message: `${cap(label)} must be ${opts.min} or more` });
    else if (opts.max !== undefined && v > opts.max)
      problems.push({ field, message: `${cap(label)} must be ${opts.max} or less` });
    return v;
  };
  const costPerAcuteBedDay = num('costPerAcuteBedDayPence', 'the cost of an acute bed-day', a.costPerAcuteBedDay, {
    kind: 'acuteBedDayPence',
  });
  const withinDays = num('target.withinDays', 'the target wait', a.withinDays, { kind: 'targetDays' });
  const share = num('target.share', 'the target share', a.sharePercent, { positive: true, max: 99.9 });
  const replications = num('replications', 'the number of replications', a.replications, {
    integer: true,
    min: 10,
    max: 2000,
  });
  const services = base.services.map((s, i) => {
    const e = a.services[i];
    const what = s.unit === 'visit' ? 'visits a day' : 'places';
    const capacity = num(`services.${i}.capacity`, `${s.name} ${what}`, e.capacity, { kind: 'capacity' });
    const perDay = num(`services.${i}.arrivals.perDay`, `${s.name} referrals a day`, e.perDay, {
      kind: 'referralsPerDay',
    });
    const mean = num(`services.${i}.lengthOfStay.mean`, `${s.name} mean length of stay`, e.losMean, {
      kind: 'stayDays',
    });
    const sd = num(`services.${i}.lengthOfStay.sd`, `${s.name} spread of length of stay`, e.losSd, {
      kind: 'stayDays',
    });
    const costField = s.unit === 'visit' ? 'costPerVisitPence' : 'costPerPlaceDayPence';
    const cost = num(
      `services.${i}.${costField}`,
      s.unit === 'visit' ? `${s.name} cost per visit` : `${s.name} cost per place a day`,
      e.cost,
      { kind: s.unit === 'visit' ? 'visitPence' : 'placeDayPence' },
    );
    const delta = capacity - s.capacity;
    const was = shown.services[i];
    const arrivals = unchanged(e.perDay, was.perDay)
      ? s.arrivals
      : s.arrivals.kind === 'poisson'
        ? { ...s.arrivals, perDay }
        : s.arrivals.kind === 'series'
          ? scaleSeries(s.arrivals, perDay)
          : s.arrivals;
    const los = s.lengthOfStay;
    const sameMean = unchanged(e.losMean, was.losMean);
    const lengthOfStay =
      los.kind === 'lognormal' || los.kind === 'gamma'
        ? {
            ...los,
            mean: sameMean ? los.mean : mean,
            sd: unchanged(e.losSd, was.losSd) ? los.sd : sd,
          }
        : los.kind === 'exponential'
          ? { kind: 'exponential' as const, mean: sameMean ? los.mean : mean }
          : los;
    const common = {
      capacity,
      capacityChanges: s.capacityChanges.map((c) => ({ ...c, capacity: Math.max(0, c.capacity + delta) })),
      arrivals,
      lengthOfStay,
    };
    if (s.unit === 'visit') {
      const firstDay = num(`services.${i}.visits.firstDay`, `${s.name} visits a day at the start`, e.visitsFirst, {
        kind: 'visitsPerDay',
      });
      const lastDay = num(`services.${i}.visits.lastDay`, `${s.name} visits a day at the end`, e.visitsLast, {
        kind: 'visitsPerDay',
      });
      return { ...s, ...common, visits: { firstDay, lastDay }, costPerVisitPence: Math.round(cost * 100) };
    }
    const flexPlaces = num(`services.${i}.flex.places`, `${s.name} flex places`, e.flexPlaces || '0', {
      kind: 'flexPlaces',
    });
    const openWhen = num(
      `services.${i}.flex.openWhenWaiting`,
      `${s.name} people waiting before flex places open`,
      e.flexOpenWhenWaiting || '5',
      { kind: 'peopleWaiting' },
    );
    const flex =
      flexPlaces > 0
        ? { closeWhenWaiting: 0, leadDays: 0, ...s.flex, places: flexPlaces, openWhenWaiting: openWhen }
        : undefined;
    return { ...s, ...common, flex, costPerPlaceDayPence: Math.round(cost * 100) };
  });
  if (problems.length) return { scenario: null, problems };
  return {
    scenario: {
      ...base,
      costPerAcuteBedDayPence: Math.round(costPerAcuteBedDay * 100),
      replications,
      target: { withinDays, share: share / 100 },
      services,
    } as Scenario,
    problems: [],
  };
}

/** A daily series scaled so its mean is `perDay` (its shape kept). */
function scaleSeries(
  series: Extract<Scenario['services'][number]['arrivals'], { kind: 'series' }>,
  perDay: number,
): typeof series {
  const mean = series.perDay.reduce((a, b) => a + b, 0) / series.perDay.length;
  const f = mean > 0 ? perDay / mean : 0;
  return { ...series, perDay: series.perDay.map((x) => Math.round(x * f * 1e4) / 1e4) };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
