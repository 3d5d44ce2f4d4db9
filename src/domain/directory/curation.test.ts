import { describe, expect, it } from 'vitest';
import {
  daysOverdue,
  diffServices,
  findDuplicateOrganisations,
  identifierKey,
  isFree,
  nextReviewDate,
  normaliseOrganisationName,
  openDays,
} from './curation.js';
import type { OrukService } from './oruk.js';

describe('review dates', () => {
  it('sets the next review twelve months on, and counts days overdue (negative before it is due)', () => {
    expect(nextReviewDate('2026-02-28')).toBe('2027-02-28');
    expect(nextReviewDate('2024-02-29')).toBe('2025-02-28');
    expect(daysOverdue('2026-10-01', '2026-11-01')).toBe(31);
    expect(daysOverdue('2026-11-01', '2026-11-01')).toBe(0);
    expect(daysOverdue('2026-12-01', '2026-11-01')).toBe(-30);
  });
});

describe('what search needs from a record', () => {
  it('reads open days from RFC 5545 byday lists, Monday first, including monthly "1MO" forms', () => {
    expect(openDays([{ byday: 'FR,MO' }, { byday: '1MO, we' }, {}])).toEqual(['MO', 'WE', 'FR']);
    expect(openDays(undefined)).toEqual([]);
  });
  it('treats a service as free unless a cost option has an amount above zero', () => {
    expect(isFree(undefined)).toBe(true);
    expect(isFree([{ amount: 0 }, {}])).toBe(true);
    expect(isFree([{ amount: 2.5 }])).toBe(false);
    expect(isFree([], 'Free to people the council refers')).toBe(true);
    expect(isFree([], 'Fees depend on assessed needs')).toBe(false);
  });
});

describe('duplicate organisations', () => {
  it('normalises company numbers to eight characters and ignores spaces in charity numbers', () => {
    expect(identifierKey({ identifier_type: 'Company number', identifier: '1234567' })).toEqual({
      kind: 'company',
      value: '01234567',
    });
    expect(
      identifierKey({ identifier_scheme: 'GB-CHC', identifier_type: 'Registered charity', identifier: '109 0037' }),
    ).toEqual({
      kind: 'charity',
      value: '1090037',
    });
    expect(identifierKey({ identifier_type: 'CQC provider ID', identifier: '1-101' }).kind).toBe('other');
  });

  it('groups organisations sharing a charity or company number, or the same name once legal words are set aside', () => {
    const groups = findDuplicateOrganisations([
      {
        id: 'a',
        name: 'Rushgreen Carers Centre',
        identifiers: [{ identifier_scheme: 'GB-CHC', identifier_type: 'Charity number', identifier: '1090037' }],
      },
      {
        id: 'b',
        name: 'Rushgreen Carers Center',
        identifiers: [{ identifier_type: 'Registered charity number', identifier: '109 0037' }],
      },
      {
        id: 'c',
        name: 'Elmpark Wellbeing CIC',
        identifiers: [{ identifier_scheme: 'GB-COH', identifier_type: 'Company number', identifier: '9000053' }],
      },
      { id: 'd', name: 'The Elmpark Wellbeing Ltd', identifiers: [] },
      { id: 'e', name: 'Unrelated Group', identifiers: [] },
    ]);
    expect(groups).toEqual([
      { reason: 'Charity number 1090037', organisationIds: ['a', 'b'] },
      { reason: 'Same name: Elmpark Wellbeing CIC', organisationIds: ['c', 'd'] },
    ]);
    expect(normaliseOrganisationName('The Friends & Neighbours Ltd.')).toBe('friends and neighbours');
  });
});

describe('diffServices', () => {
  const base: OrukService = {
    id: '6f1d5b3a-2c4e-4f7a-9b8c-0d1e2f3a4b5c',
    name: 'Carers drop-in',
    status: 'active',
    description: 'A friendly drop-in.',
    schedules: [{ id: '7a1d5b3a-2c4e-4f7a-9b8c-0d1e2f3a4b5c', byday: 'WE' }],
  };
  it('lists only the fields a proposal changes, ignoring ids and last_modified', () => {
    const proposed: OrukService = {
      ...base,
      last_modified: '2026-11-01T00:00:00.000Z',
      description: 'A friendly drop-in, now on Saturdays too.',
      schedules: [
        { id: '8b1d5b3a-2c4e-4f7a-9b8c-0d1e2f3a4b5c', byday: 'WE' },
        { id: '9c1d5b3a-2c4e-4f7a-9b8c-0d1e2f3a4b5c', byday: 'SA' },
      ],
    };
    expect(diffServices(base, proposed).map((c) => c.field)).toEqual(['Description', 'Opening times']);
    expect(diffServices(base, proposed)[1]).toEqual({ field: 'Opening times', before: 'WE', after: 'WE; SA' });
    expect(diffServices(base, { ...base, cost_options: [] })).toEqual([]);
    expect(
      diffServices(base, { ...base, schedules: [{ id: 'ab1d5b3a-2c4e-4f7a-9b8c-0d1e2f3a4b5c', byday: 'WE' }] }),
    ).toEqual([]);
  });
  it('treats every filled field of a new entry as a change', () => {
    expect(diffServices(null, base).map((c) => c.field)).toEqual(['Name', 'Description', 'Status', 'Opening times']);
  });
});
