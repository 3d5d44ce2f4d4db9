import { describe, expect, it } from 'vitest';
import { countOf, pluralise } from './plural.js';

describe('countOf', () => {
  it('says the singular for exactly one and the plural otherwise', () => {
    expect(countOf(1, 'adult social care location')).toBe('1 adult social care location');
    expect(countOf(0, 'adult social care location')).toBe('0 adult social care locations');
    expect(countOf(1468, 'bed')).toBe('1,468 beds');
    expect(countOf(2, 'person')).toBe('2 people');
    expect(pluralise('agency')).toBe('agencies');
  });
});
