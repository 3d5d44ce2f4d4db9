/**
 * The outline of a Market Position Statement (MPS): its chapters, the service-area sections grouped by
 * portfolio, and the narrative blocks commissioners write in each.
 *
 * Source of the structure: Islington's Strategic Commissioning and Adult Social Care Market Position Statement
 * 2021-2024 (seed 003): Introduction · About the area (population, deprivation, need now and projected, the current
 * market, spend) · Strategic context · Commissioning intentions by portfolio (Start Well, Live Well, Age Well),
 * each service area with "Current provision", "Key commissioning aspirations" and "Key opportunities coming up" ·
 * Contact us. Halton's strategy (seed 004, Priority 5) commits to publish an MPS and refresh it yearly.
 */
import type { CareGroup, ServiceArea } from '../contracts/contract.js';
import type { ServiceType } from '../market/types.js';

export const PORTFOLIOS = ['start_well', 'live_well', 'age_well'] as const;
export type Portfolio = (typeof PORTFOLIOS)[number];
export const PORTFOLIO_LABELS: Record<Portfolio, string> = {
  start_well: 'Start Well',
  live_well: 'Live Well',
  age_well: 'Age Well',
};
/** What each portfolio covers, as Islington frames its life-course approach (seed 003, Strategic context). */
export const PORTFOLIO_DESCRIPTIONS: Record<Portfolio, string> = {
  start_well: 'Young people with care and support needs preparing for adulthood.',
  live_well:
    'Adults of working age: learning disability and autism, mental health, physical and sensory impairment, carers.',
  age_well: 'Older people: support at home, after a stay in hospital, in extra care housing and in care homes.',
};

/** A narrative block: text commissioners write (plain text with headings, lists and links). */
export interface BlockDefinition {
  key: string;
  /** The heading the block appears under (null: the block opens its section without a heading of its own). */
  heading: string | null;
  /** Guidance shown to the commissioner writing it. */
  hint: string;
}

/** A chapter of the statement that is not a service area. */
export interface ChapterDefinition {
  key: ChapterKey;
  title: string;
  /** Short title for the contents list and navigation. */
  shortTitle: string;
  blocks: BlockDefinition[];
}

export const CHAPTER_KEYS = ['introduction', 'area', 'need', 'market', 'spend', 'strategy', 'contacts'] as const;
export type ChapterKey = (typeof CHAPTER_KEYS)[number];

/** A service-area section: which contracts and which market services feed its figures and opportunities. */
export interface ServiceSectionDefinition {
  key: string;
  title: string;
  portfolio: Portfolio;
  /** Contract register service areas whose contracts and procurements belong here. */
  serviceAreas: ServiceArea[];
  /** Only contracts for these care groups (all when empty). */
  careGroups: CareGroup[];
  /** Market service types (CQC-registered locations) whose supply is shown as current provision. */
  marketServiceTypes: ServiceType[];
}

const SERVICE_BLOCKS: BlockDefinition[] = [
  {
    key: 'provision',
    heading: 'Current provision',
    hint: 'What is in place now, beyond the figures Steward adds: models of care, in-house services, how services are bought.',
  },
  {
    key: 'aspirations',
    heading: 'What the council wants',
    hint: 'Key commissioning aspirations: the outcomes, models and kinds of provider the council wants to work with.',
  },
  {
    key: 'opportunities',
    heading: 'Opportunities coming up',
    hint: 'Market engagement, site or building opportunities and anything not yet in the procurement pipeline. Steward lists procurements and contracts ending beneath this text.',
  },
  {
    key: 'contacts',
    heading: 'Contacts',
    hint: 'A team mailbox or role to contact about this service area. Do not give personal email addresses.',
  },
];

export const CHAPTERS: readonly ChapterDefinition[] = [
  {
    key: 'introduction',
    title: 'Introduction',
    shortTitle: 'Introduction',
    blocks: [
      {
        key: 'foreword',
        heading: null,
        hint: 'Foreword: what this statement is for and who it is for (current and prospective providers).',
      },
    ],
  },
  {
    key: 'area',
    title: 'About the area',
    shortTitle: 'About the area',
    blocks: [
      {
        key: 'overview',
        heading: null,
        hint: 'The place: communities, deprivation, life expectancy, what makes the borough distinctive.',
      },
    ],
  },
  {
    key: 'need',
    title: 'Need now and projected',
    shortTitle: 'Need',
    blocks: [
      {
        key: 'overview',
        heading: null,
        hint: 'What drives demand for care and support, and how the council hopes to change it (prevention, earlier help).',
      },
    ],
  },
  {
    key: 'market',
    title: 'The current market',
    shortTitle: 'Current market',
    blocks: [
      {
        key: 'overview',
        heading: null,
        hint: 'The shape of the local market: its strengths, gaps and pressures as commissioners see them.',
      },
    ],
  },
  {
    key: 'spend',
    title: 'Spend',
    shortTitle: 'Spend',
    blocks: [
      {
        key: 'overview',
        heading: null,
        hint: 'The financial position and how the council wants to rebalance spend (for example towards prevention).',
      },
    ],
  },
  {
    key: 'strategy',
    title: 'Strategic context',
    shortTitle: 'Strategic context',
    blocks: [
      {
        key: 'overview',
        heading: null,
        hint: 'Strategies and principles providers should know: procurement and social value, climate, inequalities, strengths-based practice.',
      },
    ],
  },
  {
    key: 'contacts',
    title: 'Contact us',
    shortTitle: 'Contact us',
    blocks: [
      {
        key: 'overview',
        heading: null,
        hint: 'Where providers find tenders (the procurement portal), the commissioning team mailbox, useful reports.',
      },
    ],
  },
];

/**
 * The service-area sections, grouped by portfolio. They follow the contract register's service areas (so every
 * procurement and contract ending lands in a section); a section may take only some care groups, and an area may
 * appear in two portfolios, as Islington's all-age day opportunities framework does (Start Well and Live Well).
 */
export const SERVICE_SECTIONS: readonly ServiceSectionDefinition[] = [
  {
    key: 'preparing_for_adulthood',
    title: 'Preparing for adulthood',
    portfolio: 'start_well',
    serviceAreas: ['day_opportunities', 'supported_living', 'advocacy'],
    careGroups: ['learning_disability_autism'],
    marketServiceTypes: [],
  },
  {
    key: 'supported_living',
    title: 'Supported living',
    portfolio: 'live_well',
    serviceAreas: ['supported_living'],
    careGroups: [],
    marketServiceTypes: ['supported_living'],
  },
  {
    key: 'day_opportunities',
    title: 'Day opportunities and community support',
    portfolio: 'live_well',
    serviceAreas: ['day_opportunities'],
    careGroups: ['learning_disability_autism', 'mental_health', 'physical_sensory', 'all_adults'],
    marketServiceTypes: [],
  },
  {
    key: 'live_well_prevention',
    title: 'Prevention and wellbeing (working-age adults)',
    portfolio: 'live_well',
    serviceAreas: ['prevention'],
    careGroups: ['learning_disability_autism', 'mental_health', 'physical_sensory', 'all_adults'],
    marketServiceTypes: [],
  },
  {
    key: 'carers',
    title: "Carers' support",
    portfolio: 'live_well',
    serviceAreas: ['carers'],
    careGroups: [],
    marketServiceTypes: [],
  },
  {
    key: 'advocacy',
    title: 'Advocacy and Healthwatch',
    portfolio: 'live_well',
    serviceAreas: ['advocacy'],
    careGroups: [],
    marketServiceTypes: [],
  },
  {
    key: 'equipment',
    title: 'Equipment and assistive technology',
    portfolio: 'live_well',
    serviceAreas: ['equipment'],
    careGroups: [],
    marketServiceTypes: [],
  },
  {
    key: 'homecare',
    title: 'Homecare',
    portfolio: 'age_well',
    serviceAreas: ['homecare'],
    careGroups: [],
    marketServiceTypes: ['homecare'],
  },
  {
    key: 'reablement',
    title: 'Reablement and intermediate care',
    portfolio: 'age_well',
    serviceAreas: ['reablement'],
    careGroups: [],
    marketServiceTypes: [],
  },
  {
    key: 'extra_care',
    title: 'Extra care housing',
    portfolio: 'age_well',
    serviceAreas: ['extra_care'],
    careGroups: [],
    marketServiceTypes: ['extra_care'],
  },
  {
    key: 'care_homes',
    title: 'Care homes',
    portfolio: 'age_well',
    serviceAreas: ['care_homes'],
    careGroups: [],
    marketServiceTypes: ['care_home_residential', 'care_home_nursing'],
  },
  {
    key: 'age_well_day_opportunities',
    title: "Older people's day opportunities",
    portfolio: 'age_well',
    serviceAreas: ['day_opportunities'],
    careGroups: ['older_people'],
    marketServiceTypes: [],
  },
  {
    key: 'age_well_prevention',
    title: 'Prevention and wellbeing (older people)',
    portfolio: 'age_well',
    serviceAreas: ['prevention'],
    careGroups: ['older_people'],
    marketServiceTypes: [],
  },
];

/** Every section key in reading order: the chapters before the service areas, then the service areas, then contacts. */
export function sectionKeys(): string[] {
  const chapters = CHAPTERS.map((c) => c.key as string);
  const services = PORTFOLIOS.flatMap((p) => SERVICE_SECTIONS.filter((s) => s.portfolio === p).map((s) => s.key));
  return [...chapters.filter((k) => k !== 'contacts'), ...services, 'contacts'];
}

/** A section of either kind, by key, with its title and narrative blocks; null when there is no such section. */
export function sectionDefinition(
  key: string,
): { key: string; title: string; portfolio: Portfolio | null; blocks: BlockDefinition[] } | null {
  const chapter = CHAPTERS.find((c) => c.key === key);
  if (chapter) return { key, title: chapter.title, portfolio: null, blocks: chapter.blocks };
  const service = SERVICE_SECTIONS.find((s) => s.key === key);
  if (service) return { key, title: service.title, portfolio: service.portfolio, blocks: SERVICE_BLOCKS };
  return null;
}

/** True when a contract of this service area and care group belongs to the section. */
export function sectionTakes(section: ServiceSectionDefinition, serviceArea: string, careGroup: string): boolean {
  return (
    (section.serviceAreas as readonly string[]).includes(serviceArea) &&
    (section.careGroups.length === 0 || (section.careGroups as readonly string[]).includes(careGroup))
  );
}
