// Text for the demo borough's delivery plan, modelled on the seeds: Halton's Delivery Plan 2023/24 – 2025/26
// (priorities, intentions, actions, year statuses, responsible service areas) and Havering's 2025/26
// recommissioning intentions. The risk register's text is in contractsRiskContent.ts.

/** The plan's responsible service areas (Halton's names, the borough's directorates). */
export const CDT = 'Adults Directorate – Commissioning & Development Team';
export const CM = 'Adults Directorate – Care Management';
export const PPC = 'Adults Directorate – Policy, Performance & Customer Care Team';
export const QA = 'Adults Directorate – Quality Assurance Team';
export const TDU = "Chief Executive's Directorate – Transformation Delivery Unit";
export const SAFE = 'Adults Directorate – Integrated Adults Safeguarding Unit';
export const IL = 'Adults Directorate – Independent Living Division';
export const ICB = 'NHS Integrated Care Board (Eastbrook Place)';

/** One action of the plan: its text, a status per plan year, who is responsible, and its milestones. */
export interface DemoAction {
  text: string;
  years: [string, string, string];
  areas: string[];
  /** Contract reference the action concerns, if any (links the plan to the register). */
  contractRef?: string;
  /** Milestones: offset in days from the demo's today and whether done. */
  milestones: { title: string; dueInDays: number; done: boolean }[];
}

/** One priority of the plan: its number and title, and its commissioning intentions with their actions. */
export interface DemoPriority {
  number: number;
  title: string;
  intentions: { text: string; actions: DemoAction[] }[];
}

/** The delivery plan's priorities in order (Halton's six, adapted to the demo borough). */
export const DEMO_PLAN_PRIORITIES: DemoPriority[] = [
  {
    number: 1,
    title: 'Universal Prevention & Wellbeing',
    intentions: [
      {
        text: 'Work with our partners, such as the NHS Integrated Care Board, to develop and promote place-based models of support that grow voluntary and community sector activity within the Borough.',
        actions: [
          {
            text: 'Continue to invest in the voluntary and community sector within the Borough.',
            years: ['Ongoing', 'Ongoing', 'Ongoing'],
            areas: [CDT],
            milestones: [{ title: 'Annual VCS grant round awarded', dueInDays: -150, done: true }],
          },
          {
            text: 'Redesign and recommission the Live Well and Age Well prevention contracts as Community Wellness and Empowerment Services.',
            years: [
              'Ongoing Monitoring and Evaluate',
              'Re-tender/Direct Award & Ongoing Monitoring',
              'Ongoing Monitoring',
            ],
            areas: [CDT],
            contractRef: 'EB-PRV-001',
            milestones: [
              { title: 'Options appraisal signed off', dueInDays: -120, done: true },
              { title: 'Tender published', dueInDays: -40, done: false },
              { title: 'Contract award', dueInDays: 70, done: false },
            ],
          },
        ],
      },
      {
        text: 'Supported by our Prevention Strategy, develop access to information through online tools and face-to-face contact that will guide people to opportunities and support.',
        actions: [
          {
            text: "Support the creation of a universal offer for wellbeing via the 'Front Door', with staff giving personalised information and direct support.",
            years: ['Develop Approach', 'Implement & Ongoing Monitoring', 'Ongoing Monitoring & Evaluation'],
            areas: [CM, TDU],
            milestones: [
              { title: 'Front Door offer launched', dueInDays: -60, done: true },
              { title: 'Six-month evaluation', dueInDays: 20, done: false },
            ],
          },
        ],
      },
    ],
  },
  {
    number: 2,
    title: 'Independent at Home',
    intentions: [
      {
        text: "Research options and implement a plan to introduce trusted assessor models, so providers can react quickly to a person's sudden change in need and avoid an admission to hospital or a more intensive care setting.",
        actions: [
          {
            text: 'Develop Trusted Assessment Model for Domiciliary Care.',
            years: ['Develop & Implement', 'Monitoring & Evaluate', 'Ongoing Monitoring'],
            areas: [CDT],
            milestones: [
              { title: 'Model agreed with providers', dueInDays: -200, done: true },
              { title: 'Evaluation report', dueInDays: -45, done: false },
            ],
          },
          {
            text: 'Develop Care Home Trusted Assessor Role.',
            years: ['Develop & Implement', 'Monitoring & Evaluate', 'Ongoing Monitoring'],
            areas: [CDT],
            milestones: [{ title: 'Trusted assessor in post', dueInDays: -90, done: true }],
          },
        ],
      },
      {
        text: 'Develop, implement and promote a Carers Strategy which prioritises carers to live and enjoy their own lives while caring for others.',
        actions: [
          {
            text: 'Develop & Implement Carers Strategy.',
            years: ['Develop & Implement', 'Monitoring & Evaluate', 'Ongoing Monitoring'],
            areas: [CDT, PPC],
            milestones: [{ title: 'Strategy approved by Cabinet', dueInDays: -300, done: true }],
          },
          {
            text: "Recommission the Carers' Hub so the new contract starts when the current one ends.",
            years: ['Ongoing Monitoring', 'Tender & Award Contract', 'Contract Start/ Implementation'],
            areas: [CDT],
            contractRef: 'EB-CAR-001',
            milestones: [
              { title: 'Soft market test', dueInDays: -100, done: true },
              { title: 'Tender evaluation complete', dueInDays: -10, done: false },
              { title: 'New contract live', dueInDays: 130, done: false },
            ],
          },
        ],
      },
      {
        text: 'Review respite provision to support family carers to meet the need of those with more complex conditions.',
        actions: [
          {
            text: 'Commission a short stay residential respite service.',
            years: ['Ongoing Monitoring', 'Ongoing Monitoring & Evaluate', 'Tender & Award Contract'],
            areas: [CDT],
            milestones: [{ title: 'Respite demand analysis', dueInDays: 40, done: false }],
          },
          {
            text: 'Undertake review of current Respite Provision.',
            years: ['Review', 'Implementation & Ongoing Monitoring', 'Ongoing Monitoring & Evaluate'],
            areas: [CDT],
            milestones: [{ title: 'Review report', dueInDays: -220, done: true }],
          },
        ],
      },
      {
        text: 'Ongoing review of pathways out of hospital to maximise links to community services and resources.',
        actions: [
          {
            text: 'Commission a Home, Settle and Support service giving short-term support after a hospital discharge.',
            years: ['Ongoing Monitoring', 'Evaluate', 'Award new contract'],
            areas: [CDT, ICB],
            contractRef: 'EB-REA-002',
            milestones: [
              {
                title: 'Capacity and demand review (capacity 82 vs 147 referrals a month)',
                dueInDays: -30,
                done: true,
              },
              { title: 'Business case for expansion', dueInDays: 60, done: false },
            ],
          },
        ],
      },
      {
        text: 'Undertake a re-commissioning exercise for domiciliary care, to develop a more diverse homecare market.',
        actions: [
          {
            text: 'Undertake Options appraisal for Domiciliary Care Provision/Model within the Borough.',
            years: ['Options Appraisal', 'Options Appraisal', 'N/A'],
            areas: [CDT],
            milestones: [{ title: 'Options appraisal to DMT', dueInDays: -75, done: true }],
          },
          {
            text: 'Undertake Domiciliary Care Tender exercise.',
            years: ['N/A', 'Tender & Award Contract', 'Ongoing Monitoring'],
            areas: [CDT],
            contractRef: 'EB-HC-001',
            milestones: [
              { title: 'DPS refreshed and reopened', dueInDays: -35, done: false },
              { title: 'New call-off terms in place', dueInDays: 100, done: false },
            ],
          },
        ],
      },
    ],
  },
  {
    number: 3,
    title: 'Socially Engaged',
    intentions: [
      {
        text: 'Through contracting of supported living and day services, enable providers to exercise flexibility to adapt services to meet individual choices.',
        actions: [
          {
            text: 'Extend supported living contracts and move them onto shared service specifications through the flexible purchasing system.',
            years: [
              'Extend contracts & Ongoing Monitoring',
              'Option to extend/Transfer onto new Framework',
              'Ongoing Monitoring',
            ],
            areas: [CDT],
            milestones: [
              { title: 'Extensions signed', dueInDays: -180, done: true },
              { title: 'Framework transfer plan', dueInDays: 10, done: false },
            ],
          },
          {
            text: 'Pilot Individual Service Funds with a supported living provider.',
            years: ['Research and ISF pilot implementation', 'ISF pilot evaluation and options appraisal', 'N/A'],
            areas: [TDU],
            milestones: [{ title: 'ISF pilot evaluation', dueInDays: -20, done: false }],
          },
        ],
      },
      {
        text: 'Review day opportunities for people with learning disabilities and/or autism, with people with lived experience and the voluntary sector.',
        actions: [
          {
            text: 'Monitor and review current Day Services contract.',
            years: ['Ongoing Monitoring', 'Extend current contract to facilitate review', 'TBC (once review complete)'],
            areas: [CDT],
            contractRef: 'EB-DAY-001',
            milestones: [{ title: 'Co-production workshops', dueInDays: -50, done: true }],
          },
        ],
      },
    ],
  },
  {
    number: 4,
    title: 'Housing',
    intentions: [
      {
        text: 'Commission sufficient supported accommodation that can meet complex needs within and across the borough.',
        actions: [
          {
            text: 'Commission extra care housing/housing related support.',
            years: ['Ongoing Monitoring & Extend Contract', 'Undertake Review', 'TBC'],
            areas: [CDT],
            milestones: [{ title: 'Extra care needs assessment', dueInDays: 45, done: false }],
          },
        ],
      },
      {
        text: 'Ensure suitable adaptations are available to meet the long-term requirements of those with the most complex physical needs.',
        actions: [
          {
            text: 'Review the Disabled Facilities Grant application process and delivery.',
            years: ['Undertake Review', 'Implement Recommendations', 'Ongoing Monitoring'],
            areas: [IL],
            milestones: [{ title: 'Fast-track for discharge adaptations', dueInDays: -15, done: false }],
          },
        ],
      },
      {
        text: 'Ensure the timely deployment of equipment and/or technology so that people can remain at or return home.',
        actions: [
          {
            text: 'Commission Community Equipment Service to facilitate discharge and support people to remain living independently.',
            years: [
              'Ongoing Monitoring, Evaluate & Re-Commission',
              'Ongoing Monitoring, Evaluate & Re-Commission',
              'Ongoing Monitoring, Evaluate & Re-Commission',
            ],
            areas: [CDT],
            contractRef: 'EB-EQP-001',
            milestones: [{ title: 'Same-day delivery KPI review', dueInDays: 25, done: false }],
          },
        ],
      },
    ],
  },
  {
    number: 5,
    title: 'Good, Local, Affordable, Quality Care',
    intentions: [
      {
        text: 'Stimulate market provision that provides choice and control, and make sure that care homes provide good quality care in a pleasant environment that feels like home.',
        actions: [
          {
            text: 'Develop & Publish the Adult Social Care Market Position Statement.',
            years: ['Develop & Publish', 'Refresh', 'Refresh'],
            areas: [CDT],
            milestones: [{ title: 'MPS refresh published', dueInDays: -5, done: false }],
          },
          {
            text: 'Work with providers on the effective deployment of the Market Sustainability and Improvement Fund.',
            years: ['Work with Providers', 'Work with Providers', 'N/A'],
            areas: [CDT],
            milestones: [{ title: 'MSIF uplift paid', dueInDays: -160, done: true }],
          },
          {
            text: 'Increase placements at usual rates and cut spot contracting of care home beds from 50% to under 10%.',
            years: ['Develop Model', 'Tender & Award Contract', 'Ongoing Monitoring'],
            areas: [CDT],
            contractRef: 'EB-CH-001',
            milestones: [
              { title: 'Block bed tender awarded', dueInDays: -240, done: true },
              { title: 'Spot share below 25%', dueInDays: -30, done: false },
            ],
          },
        ],
      },
      {
        text: 'Ensure appropriate advocacy services are in place, including Mental Health Act, Mental Capacity Act and Care Act advocacy.',
        actions: [
          {
            text: 'Ensure robust contract in place for the provision of Healthwatch and the Advocacy Hub.',
            years: ['Award Contract', 'Ongoing Monitoring', 'Ongoing Monitoring'],
            areas: [CDT],
            contractRef: 'EB-ADV-001',
            milestones: [{ title: 'Contract award', dueInDays: -400, done: true }],
          },
        ],
      },
      {
        text: 'Work with partners and providers to ensure a commitment to ongoing quality improvement that keeps people safe and well.',
        actions: [
          {
            text: 'Embed the use of the Provider Assessment and Market Management Solution (PAMMS) approach within Adult Social Care.',
            years: ['Utilise Approach', 'Utilise Approach', 'Utilise Approach'],
            areas: [QA],
            milestones: [{ title: 'All in-borough care homes assessed in the year', dueInDays: 120, done: false }],
          },
          {
            text: 'Ensure effective processes for provider-led concerns, analyse them and agree actions where concerns are identified.',
            years: ['Ongoing Monitoring', 'Ongoing Monitoring', 'Ongoing Monitoring'],
            areas: [SAFE],
            milestones: [],
          },
        ],
      },
    ],
  },
  {
    number: 6,
    title: 'A Confident, Sufficient and Skilled Workforce',
    intentions: [
      {
        text: 'Support the sector to develop values-based recruitment and innovation in retention.',
        actions: [
          {
            text: 'Develop and implement the Workforce Strategy for Adult Social Care.',
            years: ['Develop Strategy', 'Implementation & Ongoing Monitoring', 'Implementation & Ongoing Monitoring'],
            areas: [PPC],
            milestones: [
              { title: 'Care careers campaign', dueInDays: -70, done: true },
              { title: 'Apprenticeship levy transfer to providers', dueInDays: -35, done: false },
            ],
          },
        ],
      },
    ],
  },
];
