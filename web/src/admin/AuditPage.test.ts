import { describe, expect, it } from 'vitest';
import { actionLabel, describeDetail } from './AuditPage';

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
    expect(describeDetail({ locationId: id })).toBe(`location id: ${id}`);
  });

  it('shows the value before a change next to the value after', () => {
    expect(describeDetail({ before: { beds: 30, source: 'provider' }, after: { beds: 31, source: 'staff' } })).toBe(
      'beds: 30 → 31; source: Provider → Council staff, for the provider',
    );
  });
});
