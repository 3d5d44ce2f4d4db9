import { describe, expect, it } from 'vitest';
import { odsNameCase, trustName } from './trusts.js';

describe('NHS trust names', () => {
  it('names a trust from its ODS code, in title case', () => {
    expect(trustName('RK9')).toBe('University Hospitals Plymouth NHS Trust');
    expect(trustName(' rj1 ')).toBe("Guy's and St Thomas' NHS Foundation Trust");
    expect(trustName('RCX')).toBe("The Queen Elizabeth Hospital, King's Lynn, NHS Foundation Trust");
    expect(trustName('ZZZ')).toBeNull();
  });
  it('leaves a name already in mixed case as the file gave it', () => {
    expect(odsNameCase('Royal Devon University Healthcare NHS Foundation Trust')).toBe(
      'Royal Devon University Healthcare NHS Foundation Trust',
    );
    expect(odsNameCase('THE NEWCASTLE UPON TYNE HOSPITALS NHS FOUNDATION TRUST')).toBe(
      'The Newcastle upon Tyne Hospitals NHS Foundation Trust',
    );
  });
});
