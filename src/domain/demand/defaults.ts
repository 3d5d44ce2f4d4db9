// The rates Steward ships with. Each names its source; commissioners can edit any of them. Service-use
// rates are age profiles: the model scales them to today's clients (from placements and packages), so
// their level is local and only their shape by age comes from the source.
import type { RateCell, RateDefinition } from './rates.js';

const OLDER_BANDS: [number, number | null][] = [
  [65, 69],
  [70, 74],
  [75, 79],
  [80, 84],
  [85, 89],
  [90, null],
];

function bySex(female: number[], male: number[], bands = OLDER_BANDS): RateCell[] {
  return bands.flatMap(([from, to], i) => [
    { sex: 'female' as const, ageFrom: from, ageTo: to, value: female[i] },
    { sex: 'male' as const, ageFrom: from, ageTo: to, value: male[i] },
  ]);
}

function persons(bands: [number, number | null, number][]): RateCell[] {
  return bands.map(([from, to, value]) => ({ sex: 'persons' as const, ageFrom: from, ageTo: to, value }));
}

export const DEFAULT_RATES: readonly RateDefinition[] = [
  {
    key: 'dementia_65plus',
    label: 'Dementia (people aged 65+)',
    careGroup: 'older_people',
    kind: 'prevalence',
    service: null,
    // Percentages by age and sex, as tabulated in POPPI from Dementia UK: Update.
    cells: bySex([0.018, 0.03, 0.066, 0.117, 0.202, 0.33], [0.015, 0.031, 0.051, 0.102, 0.167, 0.276]),
    shareKnownToAsc: 1,
    source:
      "Alzheimer's Society, Dementia UK: Update (2014), prevalence by age and sex as used by POPPI (Projecting Older People Population Information)",
    sourceYear: 2014,
    history: [],
  },
  {
    key: 'self_care_65plus',
    label: 'Unable to manage at least one self-care activity on their own (65+)',
    careGroup: 'older_people',
    kind: 'prevalence',
    service: null,
    cells: bySex([0.16, 0.19, 0.29, 0.36, 0.53, 0.53], [0.17, 0.18, 0.22, 0.3, 0.39, 0.39]),
    shareKnownToAsc: 1,
    source: 'Health Survey for England 2011, self-care activities by age and sex, as used by POPPI',
    sourceYear: 2011,
    history: [],
  },
  {
    key: 'learning_disability_adults',
    label: 'Learning disability (adults 18+)',
    careGroup: 'learning_disability',
    kind: 'prevalence',
    service: null,
    cells: persons([[18, null, 0.004]]),
    shareKnownToAsc: 0.8,
    source:
      'PHE Fingertips, QOF learning disability prevalence 2018/19 (0.4%); 80% known to adult social care (Islington Market Position Statement 2021–24)',
    sourceYear: 2019,
    history: [],
  },
  {
    key: 'autism_adults',
    label: 'Autism known to GPs (adults 18+)',
    careGroup: 'autism',
    kind: 'prevalence',
    service: null,
    cells: persons([[18, null, 0.002]]),
    shareKnownToAsc: 0.6,
    source:
      'Autism known to GPs 0.2% (2019); 60% known to adult social care (Islington Market Position Statement 2021–24)',
    sourceYear: 2019,
    history: [],
  },
  {
    key: 'serious_mental_illness',
    label: 'Serious mental illness (adults 18+)',
    careGroup: 'mental_health',
    kind: 'prevalence',
    service: null,
    cells: persons([[18, null, 0.0095]]),
    shareKnownToAsc: 1,
    source: 'NHS Digital, Quality and Outcomes Framework: mental health (SMI) register prevalence, England',
    sourceYear: 2019,
    history: [
      { year: 2015, value: 0.009 },
      { year: 2016, value: 0.0091 },
      { year: 2017, value: 0.0093 },
      { year: 2018, value: 0.0094 },
      { year: 2019, value: 0.0095 },
    ],
  },
  {
    key: 'long_term_support_adults',
    label: 'Adults receiving long-term support',
    careGroup: 'all_adults',
    kind: 'prevalence',
    service: null,
    // Per 100,000: about 840 aged 18–64 and 4,900 aged 65+ receive long-term support during the year.
    cells: persons([
      [18, 64, 0.0084],
      [65, null, 0.049],
    ]),
    shareKnownToAsc: 1,
    source:
      'NHS England, Adult Social Care Activity and Finance Report (SALT LTS001), England, clients receiving long-term support per 100,000 (approximate)',
    sourceYear: 2023,
    history: [
      { year: 2019, value: 0.0143 },
      { year: 2020, value: 0.0146 },
      { year: 2021, value: 0.0147 },
      { year: 2022, value: 0.0149 },
      { year: 2023, value: 0.0152 },
    ],
  },
  {
    key: 'care_home_admissions_65plus',
    label: 'Permanent admissions to residential and nursing care (65+, a year)',
    careGroup: 'older_people',
    kind: 'admissions',
    service: null,
    cells: persons([[65, null, 0.005572]]),
    shareKnownToAsc: 1,
    source:
      'Better Care Fund metric (ASCOF 2A): Havering 557.2 per 100,000 aged 65+ in 2022/23 (BHR Joint BCF Plan 2023–25)',
    sourceYear: 2023,
    history: [],
  },
  {
    key: 'care_home_residential_65plus',
    label: 'Older people in residential care homes (council-supported)',
    careGroup: 'older_people',
    kind: 'service_use',
    service: 'care_home_residential',
    // Age profile of care home residence; scaled to today's placements.
    cells: persons([
      [65, 74, 0.0025],
      [75, 84, 0.011],
      [85, 89, 0.045],
      [90, null, 0.11],
    ]),
    shareKnownToAsc: 1,
    source:
      'Age profile: ONS Census 2021, older people living in care homes by age (England and Wales); level calibrated to current placements',
    sourceYear: 2021,
    history: [],
  },
  {
    key: 'care_home_nursing_65plus',
    label: 'Older people in nursing care homes (council-supported)',
    careGroup: 'older_people',
    kind: 'service_use',
    service: 'care_home_nursing',
    cells: persons([
      [65, 74, 0.002],
      [75, 84, 0.008],
      [85, 89, 0.03],
      [90, null, 0.07],
    ]),
    shareKnownToAsc: 1,
    source:
      'Age profile: ONS Census 2021, older people living in care homes by age (England and Wales); level calibrated to current placements',
    sourceYear: 2021,
    history: [],
  },
  {
    key: 'homecare_65plus',
    label: 'Older people receiving homecare (council-supported)',
    careGroup: 'older_people',
    kind: 'service_use',
    service: 'homecare',
    cells: persons([
      [65, 74, 0.008],
      [75, 84, 0.025],
      [85, 89, 0.07],
      [90, null, 0.12],
    ]),
    shareKnownToAsc: 1,
    source:
      'Age profile: NHS England ASC-FR, long-term support in the community by age band; level calibrated to current packages',
    sourceYear: 2023,
    history: [],
  },
  {
    key: 'supported_living_ld',
    label: 'Adults with a learning disability in supported living',
    careGroup: 'learning_disability',
    kind: 'service_use',
    service: 'supported_living',
    cells: persons([
      [18, 64, 0.0009],
      [65, null, 0.0003],
    ]),
    shareKnownToAsc: 1,
    source:
      'Age profile: NHS England ASC-FR, learning disability support in the community; level calibrated to current packages',
    sourceYear: 2023,
    history: [],
  },
  {
    key: 'extra_care_65plus',
    label: 'Older people in extra care housing',
    careGroup: 'older_people',
    kind: 'service_use',
    service: 'extra_care',
    cells: persons([
      [65, 74, 0.001],
      [75, 84, 0.004],
      [85, null, 0.012],
    ]),
    shareKnownToAsc: 1,
    source:
      'Age profile: Housing LIN, SHOP@ older people’s housing planning tool (extra care per 1,000 by age); level calibrated to current packages',
    sourceYear: 2022,
    history: [],
  },
];
