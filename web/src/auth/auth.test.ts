import { describe, expect, it } from 'vitest';
import { validateSignIn } from './SignInPage';
import { validateNewUser } from '../admin/AddUserPage';
import { describeDetail } from '../admin/AuditPage';

describe('sign-in form checks', () => {
  it('asks for both fields and a plausible email address', () => {
    expect(validateSignIn('', '')).toEqual([
      { field: 'email', message: 'Enter your email address' },
      { field: 'password', message: 'Enter your password' },
    ]);
    expect(validateSignIn('not-an-email', 'x')).toEqual([
      { field: 'email', message: 'Enter an email address in the correct format, like name@example.org' },
    ]);
    expect(validateSignIn(' commissioner@demo.steward.test ', 'steward-demo')).toEqual([]);
  });
});

describe('add user form checks', () => {
  const ok = {
    name: 'Priya',
    email: 'p@example.org',
    role: 'commissioner' as const,
    providerId: '',
    password: 'long-enough-pw',
  };
  it('accepts a complete form', () => {
    expect(validateNewUser(ok)).toEqual([]);
  });
  it('names each missing field and needs a provider for provider users', () => {
    expect(
      validateNewUser({ name: ' ', email: '', role: '', providerId: '', password: 'short' }).map((e) => e.field),
    ).toEqual(['name', 'email', 'role', 'password']);
    expect(validateNewUser({ ...ok, role: 'provider' })).toEqual([
      { field: 'providerId', message: 'Choose the provider this user acts for' },
    ]);
  });
});

describe('audit detail', () => {
  it('reads as field: value pairs in words, names for ids, and values before and after a change', () => {
    expect(describeDetail({ role: 'provider', providerId: null, parts: ['core', 'market'] })).toBe(
      'role: Provider; provider id: none; parts: core, market',
    );
    expect(describeDetail(null)).toBe('');
    const rosewood = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
    expect(
      describeDetail(
        { role: { from: 'viewer', to: 'commissioner' }, providerId: rosewood },
        { [rosewood]: 'Rosewood Care Homes Ltd' },
      ),
    ).toBe('role: Read-only viewer → Commissioner; provider: Rosewood Care Homes Ltd');
    expect(
      describeDetail({
        reference: 'R-001',
        before: { councilQualityRating: 'Good', onFramework: false },
        after: { councilQualityRating: 'Poor', onFramework: true },
      }),
    ).toBe('reference: R-001; council quality rating: Good → Poor; on framework: no → yes');
  });
});
