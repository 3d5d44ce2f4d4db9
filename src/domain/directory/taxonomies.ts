/**
 * The taxonomies Steward ships, kept side by side: a directory tags each service with terms from any of them, and
 * imported feeds bring their own taxonomies alongside.
 *
 * 1. CQC service types and specialisms: the Care Quality Commission's published vocabulary for registered adult
 *    social care services, as written in CQC's care directory ("Service types" and "Specialisms/services"
 *    columns). Contains public sector information licensed under the Open Government Licence v3.0.
 *    Market register locations are tagged with it when published to the directory.
 * 2. LGA Services List (selection): terms of the Local Government Association's list of service types
 *    (esd "Service types", URIs http://id.esd.org.uk/service/N), which ORUK guidance names as the service-type
 *    vocabulary for UK directories (CURIE `esdServiceType`). Only the terms whose id and label Steward could check
 *    against ORUK's "Use of Taxonomies" guidance are shipped; the full list can be imported from an ORUK feed.
 *    LGA standards lists are published under the Open Government Licence v3.0.
 * 3. Steward community needs: a local vocabulary of needs for prevention and wellbeing services (ORUK guidance
 *    allows publishers their own local lists), drawn from the priorities of Havering's 2025-26 commissioning
 *    strategy (carers, dementia, social isolation, falls, hospital discharge support). MIT, like Steward.
 */
import { stableUuid } from './ids.js';
import type { OrukTaxonomy, OrukTaxonomyTerm } from './oruk.js';

export interface ShippedTaxonomy extends OrukTaxonomy {
  /** Short key used in Steward's URLs and filters. */
  key: string;
  licence: string;
  attribution: string;
  terms: OrukTaxonomyTerm[];
}

function taxonomy(
  key: string,
  meta: Omit<ShippedTaxonomy, 'id' | 'key' | 'terms'>,
  terms: { code: string; name: string; description?: string; uri?: string; parent?: string }[],
): ShippedTaxonomy {
  const id = stableUuid(`taxonomy:${key}`);
  const termId = (code: string) => stableUuid(`taxonomy:${key}:term:${code}`);
  return {
    id,
    key,
    ...meta,
    terms: terms.map((t) => ({
      id: termId(t.code),
      name: t.name,
      description: t.description ?? t.name,
      ...(t.parent ? { parent_id: termId(t.parent) } : {}),
      taxonomy: meta.name,
      taxonomy_id: id,
      ...(t.uri ? { term_uri: t.uri } : {}),
      term: t.code,
    })),
  };
}

export const CQC_TAXONOMY = taxonomy(
  'cqc',
  {
    name: 'CQC service types and specialisms',
    description:
      "The Care Quality Commission's service types and specialisms for registered adult social care services, as used in CQC's care directory.",
    uri: 'https://www.cqc.org.uk/about-us/transparency/using-cqc-data',
    version: '2025',
    licence: 'Open Government Licence v3.0',
    attribution: 'Contains Care Quality Commission data licensed under the Open Government Licence v3.0.',
  },
  [
    { code: 'service-types', name: 'Service types' },
    { code: 'Nursing homes', name: 'Nursing homes', parent: 'service-types' },
    { code: 'Residential homes', name: 'Residential homes', parent: 'service-types' },
    { code: 'Homecare agencies', name: 'Homecare agencies', parent: 'service-types' },
    { code: 'Supported living', name: 'Supported living', parent: 'service-types' },
    { code: 'Extra Care housing services', name: 'Extra Care housing services', parent: 'service-types' },
    { code: 'specialisms', name: 'Specialisms/services' },
    { code: 'Caring for adults over 65 yrs', name: 'Caring for adults over 65 yrs', parent: 'specialisms' },
    { code: 'Caring for adults under 65 yrs', name: 'Caring for adults under 65 yrs', parent: 'specialisms' },
    { code: 'Dementia', name: 'Dementia', parent: 'specialisms' },
    { code: 'Learning disabilities', name: 'Learning disabilities', parent: 'specialisms' },
    { code: 'Mental health conditions', name: 'Mental health conditions', parent: 'specialisms' },
    { code: 'Physical disabilities', name: 'Physical disabilities', parent: 'specialisms' },
    { code: 'Sensory impairments', name: 'Sensory impairments', parent: 'specialisms' },
    { code: 'Substance misuse problems', name: 'Substance misuse problems', parent: 'specialisms' },
    { code: 'Eating disorders', name: 'Eating disorders', parent: 'specialisms' },
    { code: 'Caring for children (0 - 18yrs)', name: 'Caring for children (0 - 18yrs)', parent: 'specialisms' },
    { code: 'Services for everyone', name: 'Services for everyone', parent: 'specialisms' },
  ],
);

export const LGA_SERVICES_TAXONOMY = taxonomy(
  'esd-services',
  {
    name: 'LGA Services List (selection)',
    description:
      "Selected service types from the Local Government Association's Services List (esdServiceType), the service-type vocabulary ORUK guidance recommends.",
    uri: 'http://id.esd.org.uk/list/services',
    licence: 'Open Government Licence v3.0',
    attribution: 'Local Government Association Services List (esd standards), Open Government Licence v3.0.',
  },
  [
    { code: '242', name: 'Care at home', uri: 'http://id.esd.org.uk/service/242' },
    { code: '298', name: 'Carers support groups', uri: 'http://id.esd.org.uk/service/298' },
    { code: '1755', name: 'Carers assessment', uri: 'http://id.esd.org.uk/service/1755' },
    { code: '833', name: 'Leaving hospital', uri: 'http://id.esd.org.uk/service/833' },
  ],
);

/** Codes of the community needs taxonomy, used by the demo and the public search page's "need" choices. */
export const NEED_CODES = [
  'carers',
  'dementia',
  'loneliness',
  'falls',
  'physical-activity',
  'mental-wellbeing',
  'money-advice',
  'housing-advice',
  'digital-skills',
  'food',
  'transport',
  'equipment',
  'hospital-discharge',
  'day-opportunities',
  'learning-disability-autism',
  'sensory-support',
  'bereavement',
  'domestic-abuse',
  'employment-volunteering',
  'health-checks',
  'care-and-support',
] as const;
export type NeedCode = (typeof NEED_CODES)[number];

export const NEED_LABELS: Record<NeedCode, { name: string; description: string }> = {
  carers: { name: 'Support for carers', description: 'Help, breaks and advice for unpaid carers' },
  dementia: { name: 'Dementia support', description: 'Memory cafés, advice and activities for people with dementia' },
  loneliness: { name: 'Loneliness and social isolation', description: 'Befriending, clubs and social groups' },
  falls: { name: 'Falls prevention', description: 'Strength and balance classes and home safety checks' },
  'physical-activity': { name: 'Keeping active', description: 'Walking groups, exercise and sport' },
  'mental-wellbeing': { name: 'Mental wellbeing', description: 'Talking support, peer groups and wellbeing courses' },
  'money-advice': { name: 'Money and benefits advice', description: 'Benefits checks, debt and money advice' },
  'housing-advice': { name: 'Housing advice', description: 'Help to find, keep or adapt a home' },
  'digital-skills': { name: 'Digital skills', description: 'Help to get online and use devices' },
  food: { name: 'Food and meals', description: 'Lunch clubs, meal delivery and food banks' },
  transport: { name: 'Transport', description: 'Community transport and travel help' },
  equipment: { name: 'Equipment and adaptations', description: 'Aids, telecare and home adaptations' },
  'hospital-discharge': {
    name: 'Home from hospital',
    description: 'Practical help settling back home after a hospital stay',
  },
  'day-opportunities': { name: 'Day opportunities', description: 'Day centres and daytime activities' },
  'learning-disability-autism': {
    name: 'Learning disability and autism',
    description: 'Support, groups and activities for people with a learning disability or autistic people',
  },
  'sensory-support': { name: 'Sight and hearing loss', description: 'Support for people with sensory impairments' },
  bereavement: { name: 'Bereavement', description: 'Support after a death' },
  'domestic-abuse': { name: 'Domestic abuse', description: 'Confidential help for people experiencing abuse' },
  'employment-volunteering': { name: 'Work and volunteering', description: 'Employment support and volunteering' },
  'health-checks': { name: 'Health and wellbeing checks', description: 'Health checks and healthy living advice' },
  'care-and-support': {
    name: 'Care and support',
    description: 'Care homes, homecare and supported living registered with the CQC',
  },
};

export const NEEDS_TAXONOMY = taxonomy(
  'needs',
  {
    name: 'Steward community needs',
    description: 'Needs a resident, carer or frontline worker searches by, for prevention and wellbeing services.',
    version: '1.0',
    licence: 'MIT',
    attribution: 'Steward community needs list (MIT licence).',
  },
  NEED_CODES.map((code) => ({ code, ...NEED_LABELS[code] })),
);

/** Every taxonomy Steward ships, in display order. */
export const SHIPPED_TAXONOMIES: readonly ShippedTaxonomy[] = [NEEDS_TAXONOMY, CQC_TAXONOMY, LGA_SERVICES_TAXONOMY];

/** The id of a shipped term by taxonomy key and code; throws RangeError when there is no such term. */
export function shippedTermId(key: string, code: string): string {
  const t = SHIPPED_TAXONOMIES.find((x) => x.key === key)?.terms.find((x) => x.term === code);
  if (!t) throw new RangeError(`No term "${code}" in taxonomy "${key}"`);
  return t.id;
}

/** Market register service types (src/domain/market/types.ts) as CQC service type terms. */
export const CQC_SERVICE_TYPE_TERMS: Record<string, string> = {
  care_home_nursing: 'Nursing homes',
  care_home_residential: 'Residential homes',
  homecare: 'Homecare agencies',
  supported_living: 'Supported living',
  extra_care: 'Extra Care housing services',
};

/** Market register specialisms as CQC specialism terms (autism has no CQC specialism of its own). */
export const CQC_SPECIALISM_TERMS: Record<string, string> = {
  older_people: 'Caring for adults over 65 yrs',
  younger_adults: 'Caring for adults under 65 yrs',
  dementia: 'Dementia',
  learning_disability: 'Learning disabilities',
  mental_health: 'Mental health conditions',
  physical_disability: 'Physical disabilities',
  sensory_impairment: 'Sensory impairments',
  substance_misuse: 'Substance misuse problems',
  eating_disorders: 'Eating disorders',
  children: 'Caring for children (0 - 18yrs)',
};
