import { describe, expect, it } from 'vitest';
import { Conflict, Forbidden, InputError } from '../core/errors.js';
import { forecastProcurement, planBackwards } from '../contracts/procurement.js';
import { compareStatements, diffText } from './compare.js';
import { isSafeHref, narrativeLines, narrativeProblems, parseNarrative } from './narrative.js';
import {
  opportunitiesComingUp,
  publicTitle,
  sectionsFor,
  valueBand,
  type OpportunityContract,
  type OpportunityProcurement,
} from './opportunities.js';
import { PORTFOLIOS, SERVICE_SECTIONS, sectionDefinition, sectionKeys } from './outline.js';
import { reviewStep, sectionStatus, type ReviewEvent } from './review.js';
import type { Statement } from './statement.js';
import { bedsByType } from './marketSections.js';
import type { CapacityInput } from './inputs.js';

describe('outline', () => {
  it('has the seed MPS structure: chapters, then service areas by Start Well, Live Well, Age Well, then contacts', () => {
    const keys = sectionKeys();
    expect(keys.slice(0, 6)).toEqual(['introduction', 'area', 'need', 'market', 'spend', 'strategy']);
    expect(keys.at(-1)).toBe('contacts');
    const portfolios = keys.slice(6, -1).map((k) => sectionDefinition(k)!.portfolio);
    expect(portfolios).toEqual([...portfolios].sort((a, b) => PORTFOLIOS.indexOf(a!) - PORTFOLIOS.indexOf(b!)));
    for (const p of PORTFOLIOS) expect(SERVICE_SECTIONS.some((s) => s.portfolio === p)).toBe(true);
    expect(sectionDefinition('homecare')!.blocks.map((b) => b.heading)).toEqual([
      'Current provision',
      'What the council wants',
      'Opportunities coming up',
      'Contacts',
    ]);
    expect(sectionDefinition('nope')).toBeNull();
  });

  it('places every contract register service area and care group in at least one section', () => {
    expect(sectionsFor('day_opportunities', 'learning_disability_autism')).toEqual([
      'preparing_for_adulthood',
      'day_opportunities',
    ]);
    expect(sectionsFor('day_opportunities', 'older_people')).toEqual(['age_well_day_opportunities']);
    expect(sectionsFor('prevention', 'older_people')).toEqual(['age_well_prevention']);
    expect(sectionsFor('care_homes', 'mental_health')).toEqual(['care_homes']);
    expect(sectionsFor(null, null)).toEqual([]);
  });
});

describe('narrative', () => {
  it('parses headings, lists, bold and safe links, and keeps HTML as text', () => {
    const blocks = parseNarrative(
      '## Aims\n\nWe want **good** care <b>now</b>.\n\n- one [site](https://example.org)\n- two\n\n1. first',
    );
    expect(blocks[0]).toEqual({ type: 'heading', level: 2, children: [{ type: 'text', text: 'Aims' }] });
    expect(blocks[1]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', text: 'We want ' },
        { type: 'strong', children: [{ type: 'text', text: 'good' }] },
        { type: 'text', text: ' care <b>now</b>.' },
      ],
    });
    expect(blocks[2].type === 'list' && !blocks[2].ordered && blocks[2].items.length).toBe(2);
    expect(JSON.stringify(blocks[2])).toContain('"href":"https://example.org"');
    expect(blocks[3].type === 'list' && blocks[3].ordered).toBe(true);
    expect(narrativeLines(blocks)).toEqual([
      '## Aims',
      'We want good care <b>now</b>.',
      '• one site',
      '• two',
      '1. first',
    ]);
  });

  it('never makes a link of an unsafe address, and says which line has one', () => {
    for (const href of ['javascript:alert(1)', 'data:text/html,x', '//evil.example', 'vbscript:x'])
      expect(isSafeHref(href)).toBe(false);
    for (const href of ['https://www.gov.uk', 'mailto:team@council.example', '/opportunities'])
      expect(isSafeHref(href)).toBe(true);
    expect(JSON.stringify(parseNarrative('[x](javascript:alert(1))'))).not.toContain('"type":"link"');
    expect(narrativeProblems('fine\nsee [here](javascript:alert(1))', 'blocks.0.text')).toEqual([
      {
        field: 'blocks.0.text',
        message:
          'Line 2: the link "javascript:alert(1)" is not a web address (https://…), an email (mailto:…) or a page of this site (/…)',
      },
    ]);
    expect(narrativeProblems('x'.repeat(20_001))[0].message).toContain('20,000 characters');
  });
});

describe('opportunities', () => {
  const asAt = '2026-11-30';
  const contract = (over: Partial<OpportunityContract>): OpportunityContract => ({
    id: 'c1',
    title: 'Carers’ Hub',
    serviceArea: 'carers',
    careGroup: 'carers',
    contractForm: 'block',
    annualValuePence: 33_200_000,
    currentEndDate: '2027-03-31',
    status: 'live',
    decision: null,
    ...over,
  });
  const procurement = (over: Partial<OpportunityProcurement>): OpportunityProcurement => ({
    id: 'p1',
    title: 'Carers’ Hub re-tender',
    route: 're_tender',
    contractId: 'c1',
    contractEndDate: '2028-03-31',
    forecast: forecastProcurement(planBackwards('2028-04-01'), '2028-03-31', asAt),
    ...over,
  });

  it('bands annual values as published', () => {
    expect(valueBand(9_999_900)).toBe('Under £100,000 a year');
    expect(valueBand(10_000_000)).toBe('£100,000 to £250,000 a year');
    expect(valueBand(33_200_000)).toBe('£250,000 to £500,000 a year');
    expect(valueBand(600_000_000)).toBe('£5 million a year or more');
  });

  it('lists open procurements with their forecast dates and contracts ending with no procurement behind them', () => {
    const list = opportunitiesComingUp(
      [
        contract({}),
        contract({
          id: 'c2',
          title: 'Befriending service',
          serviceArea: 'prevention',
          careGroup: 'older_people',
          currentEndDate: '2027-01-31',
          decision: 'extend',
        }),
        contract({
          id: 'c3',
          title: 'In-house reablement',
          contractForm: 'in_house_sla',
          currentEndDate: '2027-05-31',
        }),
        contract({ id: 'c4', title: 'Ends in four years', currentEndDate: '2030-12-31' }),
        contract({ id: 'c5', title: 'Already ended', status: 'ended', currentEndDate: '2026-01-31' }),
      ],
      [procurement({})],
      asAt,
      'band',
    );
    expect(list.map((o) => o.id)).toEqual(['contract:c2', 'procurement:p1']);
    const p = list[1];
    // planBackwards: go-live 1 April 2028 after 12 weeks' mobilisation, 2 standstill, 2 award, 4 evaluation and
    // 6 tender, before which 6 weeks' market engagement and a 4-week soft market test (inclusive days; 2028 is a leap year).
    expect(p.serviceStarts).toBe('2028-04-01');
    expect(p.awardBy).toBe('2027-12-24');
    expect(p.tenderFrom).toBe('2027-10-02');
    expect(p.marketEngagementFrom).toBe('2027-07-24');
    expect(p.intention).toBe('Re-tender');
    expect(p.sectionKeys).toEqual(['carers']);
    expect(p.annualValueBand).toBe('£250,000 to £500,000 a year');
    expect(p.annualValuePence).toBeNull();
    expect(list[0].intention).toBe('Extend');
    expect(list[0].sectionKeys).toEqual(['age_well_prevention']);
  });

  it('publishes exact values or none as the council chooses, and no provider or home names', () => {
    const exact = opportunitiesComingUp([contract({})], [], asAt, 'exact');
    expect(exact[0].annualValuePence).toBe(33_200_000);
    const none = opportunitiesComingUp([contract({})], [], asAt, 'none');
    expect([none[0].annualValuePence, none[0].annualValueBand]).toEqual([null, null]);
    const named = opportunitiesComingUp(
      [
        contract({
          title: 'Block beds at usual rates – Rosewood Lodge',
          serviceArea: 'care_homes',
          careGroup: 'older_people',
        }),
      ],
      [],
      asAt,
      'band',
      ['Rosewood Lodge', 'Rosewood Care Homes Ltd'],
    );
    expect(named[0].title).toBe('Care homes for older people (65+) (block contract)');
    expect(publicTitle('Carers’ Hub', ['Hub'], 'x')).toBe('Carers’ Hub');
  });
});

describe('review', () => {
  const sent: ReviewEvent = { action: 'sent_for_review', byUserId: 'u1', versions: { a: 2, b: 1 } };

  it('follows the last event while the text is unchanged, and is a draft again after an edit', () => {
    expect(sectionStatus({ a: 0, b: 0 }, [])).toBe('draft');
    expect(sectionStatus({ a: 2, b: 1 }, [sent])).toBe('in_review');
    expect(sectionStatus({ a: 3, b: 1 }, [sent])).toBe('draft');
    expect(sectionStatus({ a: 2, b: 1 }, [sent, { ...sent, action: 'approved', byUserId: 'u2' }])).toBe('approved');
  });

  it('needs text to send, a second person to approve, and a comment to ask for changes', () => {
    expect(() => reviewStep('sent_for_review', 'u1', { a: 0 }, [], null)).toThrow(Conflict);
    expect(() => reviewStep('approved', 'u1', { a: 2, b: 1 }, [sent], null)).toThrow(Forbidden);
    expect(() => reviewStep('changes_requested', 'u2', { a: 2, b: 1 }, [sent], ' ')).toThrow(InputError);
    expect(() => reviewStep('approved', 'u2', { a: 3, b: 1 }, [sent], null)).toThrow(Conflict);
    expect(reviewStep('approved', 'u2', { a: 2, b: 1 }, [sent], null)).toEqual({
      action: 'approved',
      byUserId: 'u2',
      versions: { a: 2, b: 1 },
    });
    expect(() => reviewStep('sent_for_review', 'u1', { a: 2, b: 1 }, [sent], null)).toThrow(Conflict);
  });
});

describe('compare', () => {
  it('diffs text line by line', () => {
    expect(diffText('one\n\ntwo', 'one\nthree')).toEqual([
      { change: 'same', text: 'one' },
      { change: 'removed', text: 'two' },
      { change: 'added', text: 'three' },
    ]);
  });

  it('compares sections: figures before and after, text, opportunities added and gone', () => {
    const statement = (value: number, text: string, opportunityIds: string[]): Statement => ({
      schemaVersion: 1,
      borough: { name: 'Test', gssCode: 'E09000099', synthetic: true },
      asAt: '2026-11-30',
      generatedAt: '2026-11-30T00:00:00.000Z',
      valueDisclosure: 'band',
      sections: [
        {
          key: 'carers',
          title: "Carers' support",
          shortTitle: "Carers' support",
          kind: 'service',
          portfolio: 'live_well',
          narrative: [{ key: 'aspirations', heading: 'What the council wants', text }],
          figures: [{ key: 'contracts', label: 'Live contracts', value, unit: 'count', hint: null }],
          sources: [],
          notes: [],
          provision: { contracts: value, annualValuePence: 0, providers: 1, forms: [], market: [] },
        },
      ],
      opportunities: opportunityIds.map((id) => ({
        id,
        kind: 'procurement' as const,
        title: id,
        serviceArea: 'carers',
        serviceAreaLabel: "Carers' support",
        careGroupLabel: null,
        sectionKeys: ['carers'],
        intention: 'Re-tender',
        stage: null,
        marketEngagementFrom: null,
        tenderFrom: null,
        awardBy: null,
        serviceStarts: null,
        currentContractEnds: null,
        annualValuePence: null,
        annualValueBand: null,
        keyDate: null,
      })),
    });
    const c = compareStatements(statement(3, 'a\nb', ['x']), statement(4, 'a\nc', ['y']));
    const s = c.sections[0];
    expect(s.change).toBe('changed');
    expect(s.figures).toEqual([
      { key: 'contracts', label: 'Live contracts', unit: 'count', before: 3, after: 4, difference: 1 },
    ]);
    expect(s.blocks[0].lines.filter((l) => l.change !== 'same')).toEqual([
      { change: 'removed', text: 'b' },
      { change: 'added', text: 'c' },
    ]);
    expect(s.opportunitiesAdded).toEqual([{ id: 'y', title: 'y' }]);
    expect(s.opportunitiesRemoved).toEqual([{ id: 'x', title: 'x' }]);
    expect(compareStatements(statement(3, 'a', []), statement(3, 'a', [])).sections[0].change).toBe('unchanged');
  });
});

describe('beds by type', () => {
  const capacity = (
    byGroup: CapacityInput['byGroup'],
    maxCapacity: number,
    occupied: number,
    vacantAccepting: number,
  ) =>
    ({
      byServiceType: [],
      careHomes: 41,
      registeredBeds: 1580,
      maxCapacity,
      occupied,
      vacantAccepting,
      occupancy: occupied / maxCapacity,
      byGroup,
      ratings: [],
      homecare: { agencies: 0, peopleSupported: 0, hoursPerWeek: 0 },
      workforce: { agencyShare: null, vacancies: 0 },
    }) satisfies CapacityInput;

  it('adds up to the headline beds and vacancies, putting beds given only as totals in a row of their own', () => {
    // Hand-worked: 740 + 480 + 100 = 1,320 split of 1,350 beds, so 30 beds (15 occupied, 15 vacant) were returned
    // only as totals; 56 + 34 + 20 = 110 of the 125 vacancies accepting admissions were split.
    const rows = bedsByType(
      capacity(
        [
          { group: 'residential', maxCapacity: 740, occupied: 680, vacantAccepting: 56 },
          { group: 'nursing', maxCapacity: 480, occupied: 440, vacantAccepting: 34 },
          { group: 'dementia', maxCapacity: 100, occupied: 80, vacantAccepting: 20 },
        ],
        1350,
        1215,
        125,
      ),
    );
    expect(rows.map((r) => [r.label, r.maxCapacity, r.occupied, r.vacantAccepting])).toEqual([
      ['Residential beds', 740, 680, 56],
      ['Nursing beds', 480, 440, 34],
      ['Dementia beds', 100, 80, 20],
      ['Not split by type in the return', 30, 15, 15],
    ]);
    expect(rows.reduce((s, r) => s + r.maxCapacity, 0)).toBe(1350);
    expect(rows.reduce((s, r) => s + r.vacantAccepting, 0)).toBe(125);
  });

  it('has no "not split" row when every return is split, and shows a missing group as none', () => {
    const rows = bedsByType(
      capacity([{ group: 'residential', maxCapacity: 60, occupied: 55, vacantAccepting: 5 }], 60, 55, 5),
    );
    expect(rows.map((r) => [r.group, r.maxCapacity])).toEqual([
      ['residential', 60],
      ['nursing', 0],
      ['dementia', 0],
    ]);
  });
});
