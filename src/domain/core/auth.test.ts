import { describe, expect, it } from 'vitest';
import { EDITOR_ROLES, passwordProblem, refusalFor, roleChangeProblem, ROLES, STAFF_ROLES } from './auth.js';

const COMMON = new Set(['password', 'password123', 'iloveyou', 'sunshine']);
const isCommon = (p: string) => COMMON.has(p);

describe('passwordProblem (NCSC / NIST SP 800-63B)', () => {
  it('prefers length: any 10+ characters without a forced mix of symbols are accepted', () => {
    expect(passwordProblem('marmalade kettle orchard', { isCommon })).toBeNull();
    expect(passwordProblem('e2e-admin-password', { email: 'admin@e2e.steward.test', isCommon })).toBeNull();
    expect(passwordProblem('short')).toBe('Password must be at least 10 characters');
    expect(passwordProblem('x'.repeat(201))).toBe('Password must be 200 characters or fewer');
  });

  it('refuses common passwords, also with digits or symbols added at the end', () => {
    expect(passwordProblem('Password123', { isCommon })).toMatch(/too common/);
    expect(passwordProblem('iloveyou2024!', { isCommon })).toMatch(/too common/);
    expect(passwordProblem('sunshine-and-showers', { isCommon })).toBeNull();
  });

  it('refuses keyboard runs and one character repeated', () => {
    expect(passwordProblem('1234567890')).toMatch(/run of keys/);
    expect(passwordProblem('qwertyuiop1')).toMatch(/run of keys/);
    expect(passwordProblem('zzzzzzzzzzzz')).toMatch(/one character repeated/);
  });

  it('refuses the email, or the name before its @ with digits added', () => {
    const email = 'jo.tester@example.org';
    expect(passwordProblem('jo.tester@example.org', { email })).toMatch(/email address/);
    expect(passwordProblem('JO.TESTER-2024', { email })).toMatch(/email address/);
    expect(passwordProblem('jo.tester and friends', { email })).toBeNull();
  });
});

describe('roleChangeProblem', () => {
  it('refuses staff roles for a provider organisation’s account and the provider role for staff', () => {
    for (const to of ROLES.filter((r) => r !== 'provider'))
      expect(roleChangeProblem('provider', to)).toMatch(/belongs to a provider organisation/);
    expect(roleChangeProblem('commissioner', 'provider')).toMatch(/cannot become a provider account/);
    expect(roleChangeProblem('broker', 'commissioner')).toBeNull();
    expect(roleChangeProblem('provider', 'provider')).toBeNull();
  });
});

describe('refusalFor', () => {
  it('tells a provider a staff page is for council staff, without listing roles (review 13)', () => {
    const text = refusalFor('provider', STAFF_ROLES);
    expect(text).toBe(
      'This is for council staff. Your provider account shows your own contracts, returns and concerns.',
    );
    expect(text).not.toMatch(/role|administrator|quality officer|viewer/i);
  });

  it('says it in words for each audience, and never lists the internal roles', () => {
    expect(refusalFor('viewer', EDITOR_ROLES)).toBe(
      'Your account can read Steward but not change it. Ask an administrator if you need it.',
    );
    expect(refusalFor('commissioner', ['admin'])).toBe(
      'Only an administrator can do this. Ask an administrator if you need it.',
    );
    expect(refusalFor('broker', ['admin', 'commissioner'])).toBe(
      'Only commissioners can do this. Ask an administrator if you need it.',
    );
    expect(refusalFor('commissioner', ['provider'])).toBe(
      'This is for care providers, to send their own returns and answers.',
    );
    expect(refusalFor('bcf_lead', ['admin', 'commissioner', 'broker'])).toBe(
      'Your account cannot do this. Ask an administrator if you need it.',
    );
    for (const role of ROLES) {
      for (const allowed of [STAFF_ROLES, EDITOR_ROLES, ['admin' as const], ['provider' as const]]) {
        expect(refusalFor(role, allowed)).not.toMatch(/with the role|quality officer|better care fund lead/i);
      }
    }
  });
});
