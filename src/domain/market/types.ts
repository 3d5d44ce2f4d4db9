// The market area's vocabulary: the codes stored in the database and used in the API, with their labels.

export const SERVICE_TYPES = [
  'care_home_residential',
  'care_home_nursing',
  'homecare',
  'supported_living',
  'extra_care',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
export const SERVICE_TYPE_LABELS: Record<ServiceType, string> = {
  care_home_residential: 'Care home without nursing',
  care_home_nursing: 'Care home with nursing',
  homecare: 'Homecare (domiciliary)',
  supported_living: 'Supported living',
  extra_care: 'Extra care housing',
};

export const SPECIALISMS = [
  'older_people',
  'younger_adults',
  'dementia',
  'learning_disability',
  'autism',
  'mental_health',
  'physical_disability',
  'sensory_impairment',
  'substance_misuse',
  'eating_disorders',
  'children',
] as const;
export type Specialism = (typeof SPECIALISMS)[number];
export const SPECIALISM_LABELS: Record<Specialism, string> = {
  older_people: 'Older people (65+)',
  younger_adults: 'Adults under 65',
  dementia: 'Dementia',
  learning_disability: 'Learning disabilities',
  autism: 'Autism',
  mental_health: 'Mental health',
  physical_disability: 'Physical disabilities',
  sensory_impairment: 'Sensory impairments',
  substance_misuse: 'Substance misuse',
  eating_disorders: 'Eating disorders',
  children: 'Children (0–18)',
};

export const CQC_RATINGS = ['Outstanding', 'Good', 'Requires improvement', 'Inadequate'] as const;
export type CqcRating = (typeof CQC_RATINGS)[number];

export const BANDS = [
  'standard_residential',
  'enhanced_residential',
  'standard_nursing',
  'enhanced_nursing',
  'homecare_hourly',
] as const;
export type Band = (typeof BANDS)[number];
/** Placements that are individually negotiated (LD, MH, supported living) carry this band: no usual rate applies. */
export const INDIVIDUAL_BAND = 'individual';
export type PlacementBand = Band | typeof INDIVIDUAL_BAND;
export const BAND_LABELS: Record<PlacementBand, string> = {
  standard_residential: 'Standard residential',
  enhanced_residential: 'Enhanced residential',
  standard_nursing: 'Standard nursing',
  enhanced_nursing: 'Enhanced nursing',
  homecare_hourly: 'Homecare (hourly)',
  individual: 'Individually negotiated',
};
/** The unit a band's usual rate is set in: an hour for hourly homecare, otherwise a week. */
export function bandUnit(band: Band): 'week' | 'hour' {
  return band === 'homecare_hourly' ? 'hour' : 'week';
}

export const FUNDING = ['council', 'nhs', 'self_funded', 'joint'] as const;
export type Funding = (typeof FUNDING)[number];
export const CONTRACT_TYPES = ['spot', 'framework', 'block', 'dps'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];
export const PURPOSES = ['long_term', 'd2a', 'respite', 'short_term'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const CAPACITY_SOURCES = ['provider', 'bulk_csv', 'capacity_tracker', 'demo', 'system'] as const;
export type CapacitySource = (typeof CAPACITY_SOURCES)[number];

/** True when a location offers residential or nursing care-home beds. */
export function isCareHome(serviceTypes: readonly string[]): boolean {
  return serviceTypes.includes('care_home_residential') || serviceTypes.includes('care_home_nursing');
}

/** " rm141af " → "RM14 1AF": upper case with one space before the three-character inward code. */
export function normalisePostcode(postcode: string): string {
  const p = postcode.trim().toUpperCase().replace(/\s+/g, '');
  return p.length > 3 ? `${p.slice(0, -3)} ${p.slice(-3)}` : p;
}

/** "RM7 9AB" → "RM7". Providers and other areas see postcode districts, never full addresses of people. */
export function postcodeDistrict(postcode: string): string {
  const p = postcode.trim().toUpperCase().replace(/\s+/g, ' ');
  if (p === '') return '';
  if (p.includes(' ')) return p.split(' ')[0];
  // No space: the inward code is always the last three characters.
  return p.length > 3 ? p.slice(0, -3) : p;
}

/** Pence → "£1,234.56" (or "£1,234" when whole pounds). */
export function formatPounds(pence: number): string {
  const pounds = pence / 100;
  const whole = Number.isInteger(pounds);
  return '£' + pounds.toLocaleString('en-GB', { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 });
}
