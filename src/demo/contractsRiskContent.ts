// Text for the demo borough's risk register, modelled on the BHR Better Care Fund risk log (the first five)
// and local commissioning risks.

/** One risk: its reference, what it is, how it is mitigated, who owns it, and its scores (likelihood, impact 1–5). */
export interface DemoRisk {
  reference: string;
  title: string;
  mitigation: string;
  owner: string;
  /** Scores from oldest to newest, one per quarterly review. */
  scores: [number, number][];
  contractRef?: string;
}

/** The first five are the BCF risk log's (likelihood, impact as published); the rest are local. */
export const DEMO_RISKS: DemoRisk[] = [
  {
    reference: 'BCF-1',
    title: 'Workforce – recruitment and retention',
    mitigation:
      'The local system has a workforce academy advising health and social care on new workforce strategies: apprentice models, enhanced and advanced practitioners, retention, training and rotation. A longer-term solution over 3–10 years.',
    owner: 'Director of Adult Social Care',
    scores: [
      [4, 5],
      [4, 4],
      [4, 4],
    ],
  },
  {
    reference: 'BCF-2',
    title: 'Resources, budget deficits and sustainability',
    mitigation:
      'Funding is a system and partnership theme: the ICB, council and partners maximise the use of resources, e.g. flexible use of budgets such as demand and capacity and the ASC Discharge Fund, estates and shared training.',
    owner: 'Chief Finance Officer',
    scores: [
      [4, 4],
      [4, 4],
      [4, 4],
    ],
  },
  {
    reference: 'BCF-3',
    title: 'Demand and capacity: growing older population, complexity of need, post-Covid impact',
    mitigation:
      'The discharge improvement working group and the urgent and emergency care board oversee demand and capacity, performance and deep dives into acuity.',
    owner: 'Head of Integrated Commissioning',
    scores: [
      [4, 4],
      [4, 3],
      [4, 3],
    ],
  },
  {
    reference: 'BCF-4',
    title: 'Increasing cost of services and fair cost of care',
    mitigation:
      'Grant funding from the Market Sustainability and Improvement Fund eases cost pressures and supports sustainable wage increases (London Living Wage); Care Providers Voice supports recruitment and retention.',
    owner: 'Head of Commissioning',
    scores: [
      [5, 4],
      [4, 4],
      [4, 4],
    ],
  },
  {
    reference: 'BCF-5',
    title: 'Move to Place and potential inequity',
    mitigation:
      'A pragmatic approach keeps sub-regional approaches where they work while developing a place focus; the discharge improvement working group works on acute hospital footprints.',
    owner: 'Place Director',
    scores: [
      [3, 3],
      [3, 3],
    ],
  },
  {
    reference: 'CON-1',
    title: "Carers' Hub re-tender may not complete before the current contract ends",
    mitigation:
      'Weekly procurement board; a short direct award to cover the gap has been costed; early mobilisation meetings with bidders.',
    owner: 'Commissioning Manager – Live Well',
    scores: [
      [2, 4],
      [3, 4],
      [4, 4],
    ],
    contractRef: 'EB-CAR-001',
  },
  {
    reference: 'CON-2',
    title: 'Failure of a large care home provider (market exit)',
    mitigation:
      'Monthly financial and quality monitoring of the four care groups; provider failure plan under Care Act s48–56 tested in table-top exercise; alternative bed capacity mapped.',
    owner: 'Head of Commissioning',
    scores: [
      [2, 5],
      [2, 5],
      [3, 5],
    ],
  },
  {
    reference: 'CON-3',
    title: 'Homecare capacity in the east of the borough cannot meet discharge demand',
    mitigation:
      'Zoned call-offs with a rurality uplift; trusted assessor reviews; reablement capacity increased in winter.',
    owner: 'Commissioning Manager – Age Well',
    scores: [
      [4, 3],
      [3, 3],
      [3, 3],
    ],
    contractRef: 'EB-HC-001',
  },
  {
    reference: 'CON-4',
    title: 'Learning disability placements out of borough remain above half',
    mitigation: 'Supported living pipeline of 24 units with housing; move-on panel; ISF pilot.',
    owner: 'Commissioning Manager – Live Well',
    scores: [
      [4, 3],
      [4, 3],
    ],
  },
  {
    reference: 'CON-5',
    title: 'Community equipment deliveries delay hospital discharges',
    mitigation:
      'Same-day delivery KPI added; s75 partners review stock levels monthly; trusted assessors can order standard items.',
    owner: 'Head of Integrated Commissioning',
    scores: [
      [3, 3],
      [2, 3],
    ],
    contractRef: 'EB-EQP-001',
  },
  {
    reference: 'CON-6',
    title: 'Provider returns data incomplete, weakening contract monitoring',
    mitigation: 'Returns submitted in Steward with reminders; late returns escalated at contract meetings.',
    owner: 'Contracts and Quality Manager',
    scores: [
      [3, 2],
      [2, 2],
    ],
  },
];
