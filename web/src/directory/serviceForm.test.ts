import { describe, expect, it } from 'vitest';
import { applyForm, formValuesOf, validateForm } from './serviceForm';
import type { OrukServiceView, SearchOptionNeed } from './types';

const needs: SearchOptionNeed[] = [
  {
    code: 'carers',
    termId: 'aaaaaaaa-0000-4000-8000-000000000001',
    name: 'Support for carers',
    description: 'Help for carers',
  },
  {
    code: 'dementia',
    termId: 'aaaaaaaa-0000-4000-8000-000000000002',
    name: 'Dementia support',
    description: 'Memory cafés',
  },
];
const base: OrukServiceView = {
  id: 'bbbbbbbb-0000-4000-8000-000000000001',
  name: 'Carers drop-in',
  status: 'active',
  organization: {
    id: 'cccccccc-0000-4000-8000-000000000001',
    name: 'Rushgreen Carers Centre',
    description: 'A charity',
    organization_identifiers: [
      {
        id: 'dddddddd-0000-4000-8000-000000000001',
        identifier_scheme: 'GB-CHC',
        identifier_type: 'Charity number',
        identifier: '1090037',
      },
    ],
  },
  schedules: [
    { id: 'eeeeeeee-0000-4000-8000-000000000001', byday: 'WE', opens_at: '10:00:00', closes_at: '12:30:00' },
    { id: 'eeeeeeee-0000-4000-8000-000000000002', byday: 'SA', description: 'Summer only' },
  ],
  contacts: [{ id: 'ffffffff-0000-4000-8000-000000000001', title: 'Coordinator' }],
  attributes: [
    {
      id: '11111111-0000-4000-8000-000000000001',
      taxonomy_term: { id: needs[0].termId, name: 'Support for carers', description: 'Help for carers' },
    },
    {
      id: '11111111-0000-4000-8000-000000000002',
      taxonomy_term: { id: '22222222-0000-4000-8000-000000000001', name: 'Carers support groups', description: 'LGA' },
    },
  ],
};

describe('the directory entry form', () => {
  it('reads a record into the form and writes the edits back, keeping parts the form does not show', () => {
    const v = formValuesOf(
      base,
      needs.map((n) => n.termId),
    );
    expect(v).toMatchObject({
      name: 'Carers drop-in',
      charityNumber: '1090037',
      days: ['WE'],
      opensAt: '10:00',
      needs: [needs[0].termId],
    });
    const out = applyForm(
      base,
      { ...v, days: ['WE', 'FR'], needs: [needs[1].termId], cost: '2.50', takingReferrals: 'no' },
      needs,
    ) as OrukServiceView;
    expect(out.id).toBe(base.id);
    expect(out.schedules).toHaveLength(2);
    expect(out.schedules![0]).toMatchObject({
      id: 'eeeeeeee-0000-4000-8000-000000000001',
      byday: 'WE,FR',
      opens_at: '10:00:00',
    });
    expect(out.schedules![1].description).toBe('Summer only');
    expect(out.contacts).toEqual(base.contacts);
    expect(out.attributes!.map((a) => a.taxonomy_term.name)).toEqual(['Carers support groups', 'Dementia support']);
    expect(out.cost_options).toEqual([{ option: 'Standard', currency: 'GBP', amount: 2.5 }]);
    expect(out.steward_capacity?.taking_referrals).toBe(false);
    expect(out.organization!.organization_identifiers).toEqual(base.organization!.organization_identifiers);
  });

  it('says what is wrong in the words of the GOV.UK design system', () => {
    const v = {
      ...formValuesOf(null, []),
      email: 'nope',
      cost: '£3',
      minimumAge: '65',
      maximumAge: '18',
      opensAt: '9am',
      venueName: 'Hall',
    };
    expect(validateForm(v).map((e) => e.field)).toEqual([
      'name',
      'organisationName',
      'email',
      'cost',
      'maximumAge',
      'opensAt',
      'postcode',
    ]);
  });

  it('names each number field and says its allowed range (review 13, finding 13)', () => {
    const v = {
      ...formValuesOf(null, []),
      name: 'Lunch club',
      organisationName: 'Age Friendly Eastbrook',
      minimumAge: '999999999999',
      maximumAge: '999999999999',
      waitingDays: '999999999999',
    };
    expect(validateForm(v)).toEqual([
      { field: 'minimumAge', message: 'Minimum age must be a whole number from 0 to 120 years' },
      { field: 'maximumAge', message: 'Maximum age must be a whole number from 0 to 120 years' },
      { field: 'waitingDays', message: 'Waiting time must be a whole number from 0 to 730 days' },
    ]);
    expect(validateForm({ ...v, minimumAge: '18', maximumAge: '120', waitingDays: '730' })).toEqual([]);
  });
});
