// Collects a population file's figures and checks the whole file at the end (every age present once, "All ages"
// equal to the sum), with the count parsing every layout shares.
import { BOUNDS } from '../domain/core/bounds.js';
import { type AgeBand, bandEnd, bandLabel, OPEN_AGE } from '../domain/demand/ages.js';
import type { PopulationKind, PopulationSex } from '../domain/demand/population.js';
import type { ImportIssue } from './framework.js';
import type { PopulationDataset, PopulationLayout } from './population-dataset.js';

const GSS = /^[EWSNK]\d{8}$/;

function decimals(raw: string): number {
  const i = raw.indexOf('.');
  return i < 0 ? 0 : raw.length - i - 1;
}

/** Parses a count: a plain non-negative number (commas as thousands separators are refused as ambiguous). */
export function parseCount(raw: string): number | null {
  const t = raw.trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** Why a population cell is refused: not a count, or more people than BOUNDS.populationCount allows. */
function countProblem(raw: string, count: number | null): string {
  return count === null
    ? `"${raw}" is not a population count (a number of people, 0 or more)`
    : `"${raw}" is more than ${BOUNDS.populationCount.max.toLocaleString('en-GB')} people, more than England’s whole population: check the value`;
}

interface TotalCheck {
  line: number;
  field: string;
  value: number;
  /** Largest rounding error the published parts can carry (half a unit of their last decimal each). */
  decimals: number;
}

/**
 * Collects figures, refusing duplicates, and checks the whole file at the end: for each area, sex and
 * year every age from 0 to 90+ is given exactly once, and "All ages" rows equal the sum of the ages.
 */
export class PopulationCollector {
  readonly issues: ImportIssue[] = [];
  private readonly data: PopulationDataset;
  private readonly seen = new Map<string, Map<number, number>>(); // area|sex|year → ageFrom → line
  private readonly totals = new Map<string, TotalCheck>(); // area|sex|year → All ages
  private readonly sums = new Map<string, { sum: number; parts: number; decimals: number }>();

  constructor(layout: PopulationLayout, kind: PopulationKind, source: string, vintage: string) {
    this.data = {
      layout,
      kind,
      source,
      vintage,
      areas: new Map(),
      areaCode: [],
      year: [],
      sex: [],
      ageFrom: [],
      ageTo: [],
      count: [],
    };
  }

  /** Areas with a refused row: their whole-area checks would only repeat that problem. */
  private readonly refusedAreas = new Set<string>();
  private currentArea: string | null = null;

  issue(line: number | null, field: string | undefined, message: string): void {
    this.issues.push({ line, field, message });
  }

  /** A row (or value) that could not be read: reported, and the area's whole-file checks are skipped. */
  refuse(line: number, field: string | undefined, message: string): void {
    this.issue(line, field, message);
    if (this.currentArea) this.refusedAreas.add(this.currentArea);
  }

  area(line: number, field: string, code: string, name: string | null): boolean {
    this.currentArea = code;
    if (!GSS.test(code)) {
      this.issue(line, field, `"${code}" is not an ONS GSS code (a letter and eight digits, e.g. E09000016)`);
      return false;
    }
    const known = this.data.areas.get(code);
    if (known === undefined || (known === code && name)) this.data.areas.set(code, name ?? code);
    else if (name && known !== name)
      this.issue(line, 'name', `area ${code} is called "${known}" earlier in the file and "${name}" here`);
    return true;
  }

  add(
    line: number,
    field: string,
    areaCode: string,
    year: number,
    sex: PopulationSex,
    band: AgeBand,
    raw: string,
  ): void {
    const count = parseCount(raw);
    if (count === null || count > BOUNDS.populationCount.max) {
      this.refuse(line, field, countProblem(raw, count));
      return;
    }
    const key = `${areaCode}|${sex}|${year}`;
    let ages = this.seen.get(key);
    if (!ages) this.seen.set(key, (ages = new Map()));
    if (ages.has(band.from)) {
      this.issue(
        line,
        field,
        `${areaCode} ${sex} ${year} age ${bandLabel(band)} was already given on line ${ages.get(band.from)}`,
      );
      return;
    }
    ages.set(band.from, line);
    const s = this.sums.get(key) ?? { sum: 0, parts: 0, decimals: 0 };
    s.sum += count;
    s.parts += 1;
    s.decimals = Math.max(s.decimals, decimals(raw.trim()));
    this.sums.set(key, s);
    const d = this.data;
    d.areaCode.push(areaCode);
    d.year.push(year);
    d.sex.push(sex);
    d.ageFrom.push(band.from);
    d.ageTo.push(band.to);
    d.count.push(count);
  }

  total(line: number, field: string, areaCode: string, year: number, sex: PopulationSex, raw: string): void {
    const value = parseCount(raw);
    if (value === null || value > BOUNDS.populationCount.max) {
      this.refuse(line, field, countProblem(raw, value));
      return;
    }
    this.totals.set(`${areaCode}|${sex}|${year}`, { line, field, value, decimals: decimals(raw.trim()) });
  }

  finish(): { dataset: PopulationDataset; issues: ImportIssue[] } {
    const d = this.data;
    // Coverage: each (area, sex, year) must cover 0…90+ exactly once.
    const bands = new Map<string, { from: number; to: number | null }[]>();
    for (let i = 0; i < d.count.length; i++) {
      const key = `${d.areaCode[i]}|${d.sex[i]}|${d.year[i]}`;
      const list = bands.get(key);
      const b = { from: d.ageFrom[i], to: d.ageTo[i] };
      if (list) list.push(b);
      else bands.set(key, [b]);
    }
    const ages = (from: number, to: number | null) => (from === to ? `age ${from}` : `ages ${bandLabel({ from, to })}`);
    for (const [key, list] of bands) {
      const [area, sex, year] = key.split('|');
      if (this.refusedAreas.has(area)) continue;
      list.sort((a, b) => a.from - b.from);
      let next = 0;
      for (const b of list) {
        if (b.from > next) {
          this.issue(null, 'age', `${area} ${sex} ${year}: no figure for ${ages(next, b.from - 1)}`);
        } else if (b.from < next) {
          this.issue(null, 'age', `${area} ${sex} ${year}: age band ${bandLabel(b)} overlaps the band before it`);
        }
        next = bandEnd(b) + 1;
      }
      if (next <= OPEN_AGE) this.issue(null, 'age', `${area} ${sex} ${year}: no figure for ${ages(next, null)}`);
    }
    for (const [key, t] of this.totals) {
      const s = this.sums.get(key);
      if (!s || this.refusedAreas.has(key.split('|')[0])) continue;
      const tolerance = 0.5 * 10 ** -s.decimals * s.parts + 0.5 * 10 ** -t.decimals + 1e-9;
      if (Math.abs(s.sum - t.value) > tolerance) {
        const [area, sex, year] = key.split('|');
        this.issue(
          t.line,
          t.field,
          `${area} ${sex} ${year}: "All ages" is ${t.value} but the ages add up to ${Math.round(s.sum * 1000) / 1000}`,
        );
      }
    }
    if (d.count.length === 0 && this.issues.length === 0)
      this.issue(null, undefined, 'the file holds no population figures');
    this.issues.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
    return { dataset: d, issues: this.issues };
  }
}
