import { describe, expect, it } from 'vitest';
import { describeFindings, screenFreeText } from './screening.js';

describe('screenFreeText', () => {
  it('finds NHS numbers that pass the modulus 11 check, spaced or not, and ignores other 10-digit numbers', () => {
    // 943 476 5919 is the NHS Data Dictionary's example; 943 476 5918 fails the check digit.
    const found = screenFreeText('NHS 943 476 5919, also 9434765919; phone 9434765918');
    expect(found.map((f) => [f.kind, f.text])).toEqual([
      ['nhs_number', '943 476 5919'],
      ['nhs_number', '9434765919'],
    ]);
  });

  it('finds full postcodes but not a district alone', () => {
    const found = screenFreeText('Lives at RM7 0AB near the station; district RM7 is fine; also sw1a1aa');
    expect(found.map((f) => f.text)).toEqual(['RM7 0AB', 'sw1a1aa']);
    expect(found[0].message).toContain('give the district (RM7) only');
  });

  it('finds the person’s name or its parts as words, whatever the case', () => {
    const found = screenFreeText('Margaret needs a hoist; daughter Mrs EXAMPLE visits; margarine diet', {
      name: 'Margaret Example',
    });
    expect(found.map((f) => [f.kind, f.text])).toEqual([
      ['name', 'Margaret'],
      ['name', 'EXAMPLE'],
    ]);
    expect(screenFreeText('Hoist transfers, moderate dementia', { name: 'Margaret Example' })).toEqual([]);
    expect(describeFindings(found)).toBe(
      'The summary for providers contains the person’s name (Margaret) and the person’s name (EXAMPLE). Providers must not be told who the person is.',
    );
  });
});
