// The European Standard Population 2013 (ESP2013): the standard population for directly age-standardised rates
// in England since 2014 (ONS; Eurostat, "Revision of the European Standard Population", 2013). Nineteen five-year
// bands, the last open (90 and over), summing to 100,000. Source file: ../shared/data/esp2013/ (derived from the
// Eurostat table as used by OHID's PHEindicatormethods `esp2013`).

/** One ESP2013 band: first age, last age (null for the open band 90+), weight (people of 100,000). */
export interface EspBand {
  band: string;
  ageFrom: number;
  ageTo: number | null;
  weight: number;
}

export const ESP2013: readonly EspBand[] = [
  { band: '0-4', ageFrom: 0, ageTo: 4, weight: 5000 },
  { band: '5-9', ageFrom: 5, ageTo: 9, weight: 5500 },
  { band: '10-14', ageFrom: 10, ageTo: 14, weight: 5500 },
  { band: '15-19', ageFrom: 15, ageTo: 19, weight: 5500 },
  { band: '20-24', ageFrom: 20, ageTo: 24, weight: 6000 },
  { band: '25-29', ageFrom: 25, ageTo: 29, weight: 6000 },
  { band: '30-34', ageFrom: 30, ageTo: 34, weight: 6500 },
  { band: '35-39', ageFrom: 35, ageTo: 39, weight: 7000 },
  { band: '40-44', ageFrom: 40, ageTo: 44, weight: 7000 },
  { band: '45-49', ageFrom: 45, ageTo: 49, weight: 7000 },
  { band: '50-54', ageFrom: 50, ageTo: 54, weight: 7000 },
  { band: '55-59', ageFrom: 55, ageTo: 59, weight: 6500 },
  { band: '60-64', ageFrom: 60, ageTo: 64, weight: 6000 },
  { band: '65-69', ageFrom: 65, ageTo: 69, weight: 5500 },
  { band: '70-74', ageFrom: 70, ageTo: 74, weight: 5000 },
  { band: '75-79', ageFrom: 75, ageTo: 79, weight: 4000 },
  { band: '80-84', ageFrom: 80, ageTo: 84, weight: 2500 },
  { band: '85-89', ageFrom: 85, ageTo: 89, weight: 1500 },
  { band: '90+', ageFrom: 90, ageTo: null, weight: 1000 },
];

/** The six ESP2013 bands of people aged 65 and over (weights 5,500 … 1,000; total 19,500). */
export const ESP2013_65_PLUS: readonly EspBand[] = ESP2013.filter((b) => b.ageFrom >= 65);

/** Band labels in order: '0-4' … '90+'. */
export const ESP_BANDS: readonly string[] = ESP2013.map((b) => b.band);

/** The ESP2013 band a single year of age falls in. @throws RangeError for a negative or non-integer age. */
export function espBandOf(age: number): string {
  if (!Number.isInteger(age) || age < 0) throw new RangeError(`Not an age in whole years: ${age}`);
  return ESP2013.find((b) => age >= b.ageFrom && (b.ageTo === null || age <= b.ageTo))!.band;
}
