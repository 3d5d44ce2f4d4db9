import { addDays, dayOfWeekOf, isoToDayNumber, monthOf } from './calendar.js';
import { quantileSorted } from './engine.js';
import type { LengthOfStay, Scenario, ScenarioInput } from './scenario.js';
import { scenarioSchema } from './scenario.js';
import { roundShares } from '../../core/shares.js';

/**
 * Fitting the simulation to the Transfer of Care hub's own history: referral rates by day of week and month,
 * lengths of stay, onward moves, capacity, and the waits people actually had (to check the baseline against).
 */

const DAY_MS = 86_400_000;

/** One referral from the hub's records (no personal data needed). Times are ISO date-times. */
export interface HistoryReferral {
  pathway: number;
  /** Medically optimised: ready to leave hospital; the start of the wait. */
  readyAt: string;
  /** Discharged into the service (the end of the wait), if it happened. */
  startedAt: string | null;
  /** The end of the service (reablement package, rehab or D2A stay), if known. */
  endedAt: string | null;
  /** Pathway moved on to after the service, if any. */
  nextPathway: number | null;
}

export interface HistoryBed {
  kind: 'd2a' | 'rehab';
  fromDate: string;
  toDate: string | null;
  /** Contract price per bed per week, in pence. */
  weeklyPricePence?: number;
}

export interface HistoryInput {
  /** Window fitted: [from, to). */
  from: string;
  to: string;
  referrals: HistoryReferral[];
  beds: HistoryBed[];
  /** Ended D2A stays by outcome (usual_residence, care_home, hospital, died, other). */
  d2aOutcomes: Record<string, number>;
}

export interface LengthOfStayCandidate {
  kind: 'lognormal' | 'gamma';
  mean: number;
  sd: number;
  logLikelihood: number;
  /** Largest gap between the fitted and the observed cumulative distribution (Kolmogorov–Smirnov D). */
  ksDistance: number;
}

export interface ObservedSummary {
  n: number;
  mean: number;
  median: number;
  p90: number;
  p95: number;
}

export interface PathwayFit {
  pathway: 1 | 2 | 3;
  serviceId: 'p1' | 'p2' | 'p3';
  referrals: number;
  arrivals: { perDay: number; dayOfWeek: number[]; month: number[]; monthsObserved: number[] };
  lengthOfStay: {
    chosen: LengthOfStay;
    candidates: LengthOfStayCandidate[];
    observed: ObservedSummary | null;
    source: string;
  };
  waits: ObservedSummary & { shareOver2: number; shareWithin2: number };
  capacity: { places: number; changes: { from: string; capacity: number }[]; source: string };
  /** Handover time (lognormal) from the waits of people referred when a place was free; null when too few. */
  handover: { mean: number; sd: number; people: number; source: string } | null;
  /** Mean contract price per place per day (pounds) when the history records it. */
  costPerPlaceDay: { value: number; source: string } | null;
  onward: { to: string; probability: number }[];
}

export interface HistoryFit {
  from: string;
  to: string;
  days: number;
  pathways: PathwayFit[];
  method: string;
}

export const FIT_METHOD = [
  'Referral rates: referrals per day by the date each person became medically optimised, with day-of-week and month factors',
  '(each the mean on that weekday or in that month divided by the overall mean; months not in the window count as average).',
  'Lengths of stay: from discharge to the end of the service; lognormal and gamma fitted by maximum likelihood, the one with the higher likelihood used;',
  'with fewer than 20 stays, a default is used and said so. Capacity: block-booked beds in force on the last day (pathways 2 and 3, later dated changes kept);',
  'for pathway 1, the 95th percentile of people in service on a day, since slots are not recorded. Waits: from medically optimised to discharge.',
  'Handover (assessment, transport, equipment): lognormal fitted to the waits of people referred while a place was free.',
  'Moves from step-down beds to reablement are counted among pathway 1 referrals, so the baseline does not add them again.',
  'Only the block capacity is simulated: reablement (pathway 1), rehabilitation beds (pathway 2) and D2A beds (pathway 3); spot-purchased homecare and',
  'direct long-term care home placements are left out.',
].join(' ');

const SERVICE_IDS = { 1: 'p1', 2: 'p2', 3: 'p3' } as const;
const DEFAULT_LOS: Record<1 | 2 | 3, { mean: number; sd: number }> = {
  1: { mean: 14, sd: 9 },
  2: { mean: 24, sd: 12 },
  3: { mean: 35, sd: 14 },
};

export function fitHistory(input: HistoryInput): HistoryFit {
  const start = isoToDayNumber(input.from);
  const end = isoToDayNumber(input.to);
  const days = end - start;
  if (days < 28) throw new Error(`the history window ${input.from} to ${input.to} is shorter than 4 weeks`);
  const pathways = ([1, 2, 3] as const).map((pathway) => fitPathway(pathway, input, start, end));
  return { from: input.from, to: input.to, days, pathways, method: FIT_METHOD };
}

function fitPathway(pathway: 1 | 2 | 3, input: HistoryInput, start: number, end: number): PathwayFit {
  const days = end - start;
  const mine = input.referrals.filter((r) => r.pathway === pathway);
  const counts = new Float64Array(days);
  for (const r of mine) {
    const d = Math.floor(Date.parse(r.readyAt) / DAY_MS) - start;
    if (d >= 0 && d < days) counts[d]++;
  }
  const total = counts.reduce((a, b) => a + b, 0);
  const perDay = total / days;
  const factor = (key: (day: number) => number, n: number) => {
    const sum = new Float64Array(n);
    const seen = new Float64Array(n);
    for (let d = 0; d < days; d++) {
      const k = key(start + d);
      sum[k] += counts[d];
      seen[k]++;
    }
    return Array.from(sum, (s, k) => (seen[k] > 0 && perDay > 0 ? round(s / seen[k] / perDay, 3) : 1));
  };
  const monthsSeen = new Set<number>();
  for (let d = 0; d < days; d++) monthsSeen.add(monthOf(start + d));

  const stays = mine
    .filter((r) => r.startedAt && r.endedAt)
    .map((r) => (Date.parse(r.endedAt!) - Date.parse(r.startedAt!)) / DAY_MS)
    .filter((x) => x > 0)
    .sort((a, b) => a - b);
  const lengthOfStay = fitLengthOfStay(pathway, stays);
  const capacity = capacityFor(pathway, input, mine, start, end);

  const waits = mine
    .filter((r) => r.startedAt)
    .map((r) => Math.max(0, (Date.parse(r.startedAt!) - Date.parse(r.readyAt)) / DAY_MS))
    .sort((a, b) => a - b);
  const over2 = waits.filter((w) => w > 2).length;

  return {
    pathway,
    serviceId: SERVICE_IDS[pathway],
    referrals: total,
    arrivals: {
      perDay: round(perDay, 4),
      dayOfWeek: factor(dayOfWeekOf, 7),
      month: factor(monthOf, 12),
      monthsObserved: [...monthsSeen].sort((a, b) => a - b),
    },
    lengthOfStay,
    waits: {
      ...summary(waits),
      shareOver2: waits.length ? round(over2 / waits.length, 4) : 0,
      shareWithin2: waits.length ? round(1 - over2 / waits.length, 4) : 1,
    },
    capacity,
    handover: handoverFor(mine, capacity.places),
    costPerPlaceDay: priceFor(pathway, input),
    onward: onwardFor(pathway, mine, input.d2aOutcomes),
  };
}

export function fitLengthOfStay(pathway: 1 | 2 | 3, sorted: number[]): PathwayFit['lengthOfStay'] {
  if (sorted.length < 20) {
    const d = DEFAULT_LOS[pathway];
    return {
      chosen: { kind: 'lognormal', mean: d.mean, sd: d.sd },
      candidates: [],
      observed: sorted.length ? summary(sorted) : null,
      source: `default: only ${sorted.length} completed stays recorded (20 needed to fit)`,
    };
  }
  const candidates = [fitLognormal(sorted), fitGamma(sorted)].sort((a, b) => b.logLikelihood - a.logLikelihood);
  const best = candidates[0];
  return {
    chosen: { kind: best.kind, mean: round(best.mean, 3), sd: round(best.sd, 3) },
    candidates,
    observed: summary(sorted),
    source: `${best.kind} fitted to ${sorted.length} completed stays (higher likelihood than ${candidates[1].kind})`,
  };
}

export function fitLognormal(sorted: number[]): LengthOfStayCandidate {
  const n = sorted.length;
  const logs = sorted.map(Math.log);
  const mu = logs.reduce((a, b) => a + b, 0) / n;
  const sigma = Math.sqrt(logs.reduce((a, b) => a + (b - mu) ** 2, 0) / n);
  let ll = 0;
  for (const l of logs) ll += -l - Math.log(sigma * Math.sqrt(2 * Math.PI)) - (l - mu) ** 2 / (2 * sigma * sigma);
  const mean = Math.exp(mu + (sigma * sigma) / 2);
  const sd = mean * Math.sqrt(Math.exp(sigma * sigma) - 1);
  const cdf = (x: number) => normalCdf((Math.log(x) - mu) / sigma);
  return { kind: 'lognormal', mean, sd, logLikelihood: ll, ksDistance: ks(sorted, cdf) };
}

/** Gamma by maximum likelihood: Minka's closed-form start, then Newton steps on the shape. */
export function fitGamma(sorted: number[]): LengthOfStayCandidate {
  const n = sorted.length;
  const mean = sorted.reduce((a, b) => a + b, 0) / n;
  const meanLog = sorted.reduce((a, b) => a + Math.log(b), 0) / n;
  const s = Math.log(mean) - meanLog;
  let k = (3 - s + Math.sqrt((s - 3) ** 2 + 24 * s)) / (12 * s);
  for (let i = 0; i < 20; i++) {
    const step = (Math.log(k) - digamma(k) - s) / (1 / k - trigamma(k));
    k -= step;
    if (Math.abs(step) < 1e-10 * k) break;
  }
  const theta = mean / k;
  const ll = (k - 1) * meanLog * n - (mean * n) / theta - n * k * Math.log(theta) - n * logGamma(k);
  const cdf = (x: number) => regularizedGammaP(k, x / theta);
  return { kind: 'gamma', mean, sd: Math.sqrt(k) * theta, logLikelihood: ll, ksDistance: ks(sorted, cdf) };
}

function capacityFor(
  pathway: 1 | 2 | 3,
  input: HistoryInput,
  mine: HistoryReferral[],
  start: number,
  end: number,
): PathwayFit['capacity'] {
  const lastDay = end - 1;
  if (pathway === 1) {
    // People in a pathway 1 service on each day of the window.
    const days = end - start;
    const diff = new Float64Array(days + 1);
    for (const r of mine) {
      if (!r.startedAt) continue;
      const a = Math.max(0, Math.floor(Date.parse(r.startedAt) / DAY_MS) - start);
      const b = r.endedAt ? Math.min(days, Math.floor(Date.parse(r.endedAt) / DAY_MS) - start) : days;
      if (a < b) {
        diff[a]++;
        diff[b]--;
      }
    }
    const inService: number[] = [];
    let running = 0;
    for (let d = 0; d < days; d++) inService.push((running += diff[d]));
    // Skip the first 60 days: services that began before the window are not in it.
    const settled = inService.slice(Math.min(60, Math.floor(days / 2))).sort((x, y) => x - y);
    return {
      places: Math.max(1, Math.round(quantileSorted(settled, 0.95))),
      changes: [],
      source: 'estimated: 95th percentile of people in a pathway 1 service on a day (slots are not recorded)',
    };
  }
  const kind = pathway === 2 ? 'rehab' : 'd2a';
  const beds = input.beds.filter((b) => b.kind === kind);
  const contracted = (day: number) =>
    beds.filter((b) => isoToDayNumber(b.fromDate) <= day && (b.toDate === null || day < isoToDayNumber(b.toDate)))
      .length;
  const inForce = contracted;
  const places = inForce(lastDay);
  // Dated changes after the window (e.g. winter flex beds already booked), for the next year.
  const changes: { from: string; capacity: number }[] = [];
  const boundaries = new Set<number>();
  for (const b of beds) {
    for (const d of [b.fromDate, b.toDate])
      if (d && isoToDayNumber(d) > lastDay && isoToDayNumber(d) <= lastDay + 400) boundaries.add(isoToDayNumber(d));
  }
  let previous = places;
  for (const day of [...boundaries].sort((a, b) => a - b)) {
    const capacity = inForce(day);
    if (capacity !== previous) changes.push({ from: addDays(input.to, day - end), capacity });
    previous = capacity;
  }
  const label = kind === 'd2a' ? 'D2A' : 'rehabilitation';
  const source = `${places} block-booked ${label} beds in force on ${addDays(input.to, -1)}`;
  return { places, changes, source };
}

/**
 * Handover: people referred while a place was free (fewer in service than places) waited only for
 * assessment, transport and the like. Their waits, fitted lognormal, are the time any referral needs.
 */
function handoverFor(mine: HistoryReferral[], places: number): PathwayFit['handover'] {
  const starts = mine
    .filter((r) => r.startedAt)
    .map((r) => Date.parse(r.startedAt!))
    .sort((a, b) => a - b);
  const ends = mine
    .filter((r) => r.startedAt && r.endedAt)
    .map((r) => Date.parse(r.endedAt!))
    .sort((a, b) => a - b);
  const countUpTo = (sorted: number[], t: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const waits: number[] = [];
  for (const r of mine) {
    if (!r.startedAt) continue;
    const ready = Date.parse(r.readyAt);
    if (countUpTo(starts, ready) - countUpTo(ends, ready) < places)
      waits.push(Math.max(1 / 24, (Date.parse(r.startedAt) - ready) / DAY_MS));
  }
  if (waits.length < 20) return null;
  const fitted = fitLognormal(waits.sort((a, b) => a - b));
  return {
    mean: round(fitted.mean, 3),
    sd: round(fitted.sd, 3),
    people: waits.length,
    source: `lognormal fitted to the waits of ${waits.length} people referred when fewer than ${places} places were in use`,
  };
}

function priceFor(pathway: 1 | 2 | 3, input: HistoryInput): PathwayFit['costPerPlaceDay'] {
  if (pathway === 1) return null;
  const kind = pathway === 2 ? 'rehab' : 'd2a';
  const prices = input.beds
    .filter((b) => b.kind === kind && b.weeklyPricePence !== undefined)
    .map((b) => b.weeklyPricePence!);
  if (prices.length === 0) return null;
  const weekly = prices.reduce((a, b) => a + b, 0) / prices.length / 100;
  return {
    value: round(weekly / 7, 2),
    source: `mean weekly contract price of ${prices.length} block-booked beds (£${weekly.toFixed(2)}) ÷ 7`,
  };
}

function onwardFor(
  pathway: 1 | 2 | 3,
  mine: HistoryReferral[],
  d2aOutcomes: Record<string, number>,
): { to: string; probability: number }[] {
  if (pathway === 3) {
    const total = Object.values(d2aOutcomes).reduce((a, b) => a + b, 0);
    if (total === 0)
      return [
        { to: 'home', probability: 0.3 },
        { to: 'long-term care', probability: 0.7 },
      ];
    const home = d2aOutcomes.usual_residence ?? 0;
    const ltc = d2aOutcomes.care_home ?? 0;
    return onwardShares([
      ['home', home],
      ['long-term care', ltc],
      ['other (hospital, died, other)', Math.max(0, total - home - ltc)],
    ]);
  }
  const ended = mine.filter((r) => r.endedAt);
  if (pathway === 2) {
    const toP1 = ended.filter((r) => r.nextPathway === 1).length;
    const toP3 = ended.filter((r) => r.nextPathway === 3).length;
    if (ended.length === 0) return [{ to: 'p1', probability: 0.4 }];
    return onwardShares([
      ['p1', toP1],
      ['p3', toP3],
      ['home', ended.length - toP1 - toP3],
    ]);
  }
  return [{ to: 'home', probability: 1 }];
}

/**
 * Onward moves from counts of people by destination: shares rounded to 4 decimal places that add up to exactly
 * 1 (largest remainder), so a fitted scenario always passes the scenario schema's "at most 1" check.
 */
function onwardShares(counts: [to: string, people: number][]): { to: string; probability: number }[] {
  const shares = roundShares(
    counts.map(([, people]) => people),
    4,
  );
  return counts.map(([to], i) => ({ to, probability: shares[i] })).filter((o) => o.probability > 0);
}

export interface BaselineOptions {
  name?: string;
  startDate: string;
  days?: number;
  replications?: number;
  seed?: number;
  costPerAcuteBedDay: number;
  costPerPlaceDay: Record<'p1' | 'p2' | 'p3', number>;
}

const NAMES = {
  1: 'Reablement and home-based support (pathway 1)',
  2: 'Step-down and rehabilitation beds (pathway 2)',
  3: 'D2A care home beds (pathway 3)',
} as const;

/** A scenario from the fit: each pathway a service with the fitted rates, stays, onward moves and capacity. */
export function baselineScenario(fit: HistoryFit, options: BaselineOptions): Scenario {
  const input: ScenarioInput = {
    name: options.name ?? 'Baseline (fitted from history)',
    startDate: options.startDate,
    days: options.days ?? 365,
    warmupDays: 90,
    replications: options.replications ?? 200,
    seed: options.seed ?? 1,
    costPerAcuteBedDay: options.costPerAcuteBedDay,
    target: { withinDays: 2, share: 0.95 },
    services: fit.pathways.map((p) => ({
      id: p.serviceId,
      name: NAMES[p.pathway],
      pathway: p.pathway,
      unit: p.pathway === 1 ? 'slot' : 'bed',
      capacity: p.capacity.places,
      capacityChanges: p.capacity.changes.filter((c) => c.from > options.startDate),
      arrivals: {
        kind: 'poisson',
        perDay: p.arrivals.perDay,
        dayOfWeek: p.arrivals.dayOfWeek,
        month: p.arrivals.month,
      },
      lengthOfStay: p.lengthOfStay.chosen,
      // Moves from step-down to reablement are new pathway 1 referrals in the hub's records, so already in its rate.
      onward: p.onward.map((o) =>
        o.to === 'p1' ? { to: 'home with reablement (in pathway 1 referrals)', probability: o.probability } : o,
      ),
      handover: p.handover ? { mean: p.handover.mean, sd: p.handover.sd } : undefined,
      costPerPlaceDay: p.costPerPlaceDay?.value ?? options.costPerPlaceDay[p.serviceId],
      costBasis: p.pathway === 1 ? 'occupied' : 'capacity',
    })),
  };
  return scenarioSchema.parse(input);
}

function summary(sorted: number[]): ObservedSummary {
  const n = sorted.length;
  return {
    n,
    mean: n ? round(sorted.reduce((a, b) => a + b, 0) / n, 3) : 0,
    median: round(quantileSorted(sorted, 0.5), 3),
    p90: round(quantileSorted(sorted, 0.9), 3),
    p95: round(quantileSorted(sorted, 0.95), 3),
  };
}

function ks(sorted: number[], cdf: (x: number) => number): number {
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    d = Math.max(d, Math.abs(f - i / n), Math.abs((i + 1) / n - f));
  }
  return round(d, 4);
}

function normalCdf(z: number): number {
  // Abramowitz & Stegun 7.1.26 on erf (error < 1.5e-7).
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9).
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

function digamma(x: number): number {
  let r = 0;
  while (x < 6) {
    r -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  return r + Math.log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))));
}

function trigamma(x: number): number {
  let r = 0;
  while (x < 6) {
    r += 1 / (x * x);
    x += 1;
  }
  const f = 1 / (x * x);
  return r + 1 / x + f / 2 + (f / x) * (1 / 6 - f * (1 / 30 - f * (1 / 42 - f / 30)));
}

/** Regularised lower incomplete gamma P(a, x) (series / continued fraction, Numerical Recipes). */
function regularizedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const lg = logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 500; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-14) break;
    }
    return sum * Math.exp(-x + a * Math.log(x) - lg);
  }
  let b = x + 1 - a;
  let c = 1e300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-14) break;
  }
  return 1 - Math.exp(-x + a * Math.log(x) - lg) * h;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
