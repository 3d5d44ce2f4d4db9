// Ages and age bands. Populations are held by single year of age 0…89 plus an open
// "90 and over" group (index 90), which is how ONS publishes both SNPP and mid-year estimates.

export const OPEN_AGE = 90;
export const AGE_COUNT = OPEN_AGE + 1;

/** An age band, inclusive at both ends; `to: null` means open-ended ("90 and over", "65+"). */
export interface AgeBand {
  from: number;
  to: number | null;
}

/** An age band as written: '65-69', '90+' (open), or '70' for a single year. */
export function bandLabel(band: AgeBand): string {
  if (band.to === null) return `${band.from}+`;
  if (band.to === band.from) return String(band.from);
  return `${band.from}-${band.to}`;
}

/** Last single-year index covered by the band (90 stands for 90 and over). */
export function bandEnd(band: AgeBand): number {
  return band.to === null ? OPEN_AGE : Math.min(band.to, OPEN_AGE);
}

/** True when the age (in years) falls in the band (an open band runs to 90, standing for 90 and over). */
export function bandContains(band: AgeBand, age: number): boolean {
  return age >= band.from && age <= bandEnd(band);
}

/** True when two bands cover the same ages. */
export function sameBand(a: AgeBand, b: AgeBand): boolean {
  return a.from === b.from && bandEnd(a) === bandEnd(b);
}

/** True for a band of whole years from 0 to 90 in order; only a band starting at 90 may be open or end at 90. */
export function validBand(band: AgeBand): boolean {
  if (!Number.isInteger(band.from) || band.from < 0 || band.from > OPEN_AGE) return false;
  if (band.to === null) return true;
  if (!Number.isInteger(band.to) || band.to < band.from) return false;
  // A closed band may not run past 89: 90 means "90 and over" and must be open.
  return band.to < OPEN_AGE || (band.to === OPEN_AGE && band.from === OPEN_AGE);
}

/**
 * Reads the age labels used across ONS and NOMIS files: "0", "89", "90 and over", "90+",
 * "Age 7", "Aged 90+", "65-69", "65 to 69", "aged_65_and_over", "aged_0_to_15". Returns "all" for
 * "All ages" and null when the label is not an age.
 */
export function parseAgeLabel(raw: string): AgeBand | 'all' | null {
  const label = raw.trim().toLowerCase().replace(/_/g, ' ').replace(/\s+/g, ' ');
  if (label === 'all ages' || label === 'all' || label === 'total') return 'all';
  const stripped = label.replace(/^(aged?|ages) /, '');
  let m = /^(\d{1,3})$/.exec(stripped);
  if (m) {
    const age = Number(m[1]);
    if (age > OPEN_AGE) return null;
    return age === OPEN_AGE ? { from: OPEN_AGE, to: null } : { from: age, to: age };
  }
  m = /^(\d{1,3}) ?(\+|and over|or over|plus|and older)$/.exec(stripped);
  if (m) {
    const from = Number(m[1]);
    return from > OPEN_AGE ? null : { from, to: null };
  }
  m = /^(\d{1,3}) ?(-|to|–) ?(\d{1,3})$/.exec(stripped);
  if (m) {
    const band = { from: Number(m[1]), to: Number(m[3]) };
    if (band.to === OPEN_AGE && band.from < OPEN_AGE) return null;
    return validBand(band) ? band : null;
  }
  return null;
}

export interface BandValue {
  band: AgeBand;
  value: number;
}

export class BandMismatchError extends Error {
  constructor(
    message: string,
    readonly source: AgeBand,
    readonly target: AgeBand | null,
  ) {
    super(message);
    this.name = 'BandMismatchError';
  }
}

/**
 * Adds values held in any mix of bands (single years, five-year bands, open top band) into the
 * target bands. Each source band must fall wholly inside one target band: splitting a band would
 * invent a distribution the data does not have, so a straddling band is refused, as is a source
 * band that no target covers.
 */
export function aggregateToBands(values: readonly BandValue[], targets: readonly AgeBand[]): number[] {
  const sums = targets.map(() => 0);
  for (const { band, value } of values) {
    const end = bandEnd(band);
    const index = targets.findIndex((t) => band.from >= t.from && end <= bandEnd(t));
    if (index < 0) {
      const straddled = targets.find((t) => band.from <= bandEnd(t) && end >= t.from) ?? null;
      throw new BandMismatchError(
        straddled
          ? `age band ${bandLabel(band)} straddles the boundary of target band ${bandLabel(straddled)}`
          : `age band ${bandLabel(band)} is not covered by any target band`,
        band,
        straddled,
      );
    }
    sums[index] += value;
  }
  return sums;
}

/**
 * The finest set of bands into which every one of the given band sets aggregates without splitting:
 * the union of all their boundaries that no band of any set straddles.
 */
export function commonBands(sets: readonly (readonly AgeBand[])[]): AgeBand[] {
  let maxEnd = -1;
  let minFrom = OPEN_AGE + 1;
  for (const set of sets)
    for (const b of set) {
      maxEnd = Math.max(maxEnd, bandEnd(b));
      minFrom = Math.min(minFrom, b.from);
    }
  if (maxEnd < 0) return [];
  // A cut "before age a" is allowed when no band in any set contains both a-1 and a.
  const cuts: number[] = [];
  for (let a = minFrom + 1; a <= maxEnd; a++) {
    const straddled = sets.some((set) => set.some((b) => b.from < a && bandEnd(b) >= a));
    if (!straddled) cuts.push(a);
  }
  const bands: AgeBand[] = [];
  let from = minFrom;
  for (const cut of cuts) {
    bands.push({ from, to: cut - 1 });
    from = cut;
  }
  bands.push({ from, to: maxEnd === OPEN_AGE ? null : maxEnd });
  return bands;
}

/** Spreads a band's value evenly over its single years (used only when no finer data exist). */
export function spreadEvenly(band: AgeBand, value: number, into: Float64Array, offset = 0): void {
  const end = bandEnd(band);
  const share = value / (end - band.from + 1);
  for (let a = band.from; a <= end; a++) into[offset + a] += share;
}

export const OLDER_PEOPLE_BANDS: AgeBand[] = [
  { from: 65, to: 69 },
  { from: 70, to: 74 },
  { from: 75, to: 79 },
  { from: 80, to: 84 },
  { from: 85, to: 89 },
  { from: 90, to: null },
];

/** Reporting bands used on screen: children, working age in two parts, and five older bands. */
export const REPORTING_BANDS: AgeBand[] = [
  { from: 0, to: 17 },
  { from: 18, to: 64 },
  { from: 65, to: 74 },
  { from: 75, to: 84 },
  { from: 85, to: null },
];
