import { describe, expect, it } from 'vitest';
import { actionLabel, describeDetail, requestDetail, requestRecord } from './AuditPage';

// Issue 13, review finding 18: the audit log showed "source: bulk_csv", "source: capacity_tracker", actions
// "create"/"import" and "location id: Never Inspected Home" (labelled an id but showing a name).
describe('the audit log in words', () => {
  it('shows actions as what was done, not their codes', () => {
    expect(actionLabel('create')).toBe('Created');
    expect(actionLabel('import')).toBe('Imported');
    expect(actionLabel('update')).toBe('Changed');
    expect(actionLabel('sign-in-failed')).toBe('Sign-in failed');
    expect(actionLabel('update_something_new')).toBe('Update something new');
  });

  it('shows a return’s source and a role by their labels, and other codes in words', () => {
    expect(describeDetail({ source: 'bulk_csv' })).toBe('source: Provider (bulk upload)');
    expect(describeDetail({ source: 'capacity_tracker' })).toBe('source: Capacity Tracker');
    expect(describeDetail({ role: { from: 'viewer', to: 'commissioner' } })).toBe(
      'role: Read-only viewer → Commissioner',
    );
    expect(describeDetail({ serviceType: 'care_home_nursing' })).toBe('service type: care home nursing');
    expect(describeDetail({ note: 'Called the manager' })).toBe('note: Called the manager');
  });

  it('labels an id the server named by the record, not as an id; an unnamed id keeps its label', () => {
    const id = '6f1c2a2e-0000-4000-8000-000000000001';
    expect(describeDetail({ locationId: id }, { [id]: 'Never Inspected Home' })).toBe('location: Never Inspected Home');
    // Review 13, finding 10: never a UUID, even for an id the server could not name.
    expect(describeDetail({ locationId: id })).toBe('location id: a record with no name');
  });

  it('shows the value before a change next to the value after', () => {
    expect(describeDetail({ before: { beds: 30, source: 'provider' }, after: { beds: 31, source: 'staff' } })).toBe(
      'beds: 30 → 31; source: Provider → Council staff, for the provider',
    );
  });
});

// Review 13, finding 10: "Requested | PUT /api/bcf/schemes/:id/actuals | params: {"id":…}; status: 200", an empty
// "added:" and "removed: none" beside "removed: 0".
describe('the audit log names records in words, with no routes or JSON', () => {
  it('says what a request was about in words, with the records it named and no status or parameters', () => {
    expect(requestRecord('PUT /api/bcf/schemes/:id/actuals')).toBe('Better Care Fund › schemes › actuals');
    expect(requestRecord('POST /api/admin/users')).toBe('Admin › users');
    expect(requestRecord('PATCH /api/contracts/delivery-plan/actions/:id')).toBe('Contracts › delivery plan › actions');
    const id = '4cd66535-2340-4c2e-a82c-fb1e9a12aa52';
    expect(requestDetail({ params: { id }, status: 200 }, { [id]: 'EB-01 Community equipment' })).toBe(
      'EB-01 Community equipment',
    );
    expect(requestDetail({ params: { id }, status: 200 })).toBe('');
  });

  it('says "none" for nothing however it was stored, and lists a replaced list before → after', () => {
    expect(describeDetail({ added: [], income: 12, schemes: 10 })).toBe('added: none; income: 12; schemes: 10');
    expect(describeDetail({ removed: 0 })).toBe(describeDetail({ removed: null }));
    expect(describeDetail({ removed: 0 })).toBe('removed: none');
    expect(
      describeDetail({ ref: 'EB-01', before: { 'Q1 actual spend': '£50' }, after: { 'Q1 actual spend': '£70' } }),
    ).toBe('ref: EB-01; Q1 actual spend: £50 → £70');
    expect(describeDetail({ ref: 'EB-01', before: [], after: ['EB-ADV-003'] })).toBe('ref: EB-01; none → EB-ADV-003');
  });
});

// Check 13 (finding 10 and point C): a return import said only "added: none; income: 12; schemes: 10", and demo rows
// read "Demo demand capacity" / "Prefill demand capacity".
describe('the audit log shows a return import’s changes and the demand and capacity actions in words', () => {
  it('labels the demand and capacity actions', () => {
    expect(actionLabel('demo_demand_capacity')).toBe('Demo demand and capacity figures loaded');
    expect(actionLabel('prefill_demand_capacity')).toBe('Demand and capacity filled in from past referrals');
    expect(actionLabel('edit_demand_capacity')).toBe('Demand and capacity changed');
  });

  it('shows each figure a return changed before → after', () => {
    const key = 'EB-01 2026/27 Q1 BCF minimum NHS contribution: actual spend';
    expect(
      describeDetail({
        fileName: 'chg.xlsx',
        schemesAdded: [],
        figuresChanged: 1,
        before: { [key]: '£150,749.48' },
        after: { [key]: '£150,000' },
      }),
    ).toBe(
      'file name: chg.xlsx; schemes added: none; figures changed: 1; EB-01 2026/27 Q1 BCF minimum NHS contribution: actual spend: £150,749.48 → £150,000',
    );
  });
});
