import { describe, expect, it } from 'vitest';
import { districtDistanceKm, haversineKm, normalisePostcodeDistrict, outwardCode } from './geo.js';

describe('haversineKm', () => {
  it('gives one degree of arc as R·π/180 = 111.195 km along a meridian and the equator', () => {
    expect(haversineKm({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(111.195, 3);
    expect(haversineKm({ lat: 0, lng: 0 }, { lat: 0, lng: 1 })).toBeCloseTo(111.195, 3);
  });
  it('shrinks east–west distance by cos(latitude): 1° of longitude at 60°N is half of that at the equator', () => {
    // On the parallel the great circle is a little shorter than the parallel arc; at 1° the difference is < 0.01 km.
    expect(haversineKm({ lat: 60, lng: 0 }, { lat: 60, lng: 1 })).toBeCloseTo(111.195 / 2, 1);
  });
  it('matches the published London–Paris great-circle distance (about 343.5 km)', () => {
    const d = haversineKm({ lat: 51.5074, lng: -0.1278 }, { lat: 48.8566, lng: 2.3522 });
    expect(d).toBeGreaterThan(343);
    expect(d).toBeLessThan(344);
  });
  it('is zero from a point to itself and symmetric', () => {
    const a = { lat: 51.58, lng: 0.18 };
    const b = { lat: 51.55, lng: 0.25 };
    expect(haversineKm(a, a)).toBe(0);
    expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 10);
  });
});

describe('postcode districts', () => {
  it('takes the outward code of full postcodes and accepts districts typed alone', () => {
    expect(normalisePostcodeDistrict('rm7 0ab')).toBe('RM7');
    expect(normalisePostcodeDistrict('RM70AB')).toBe('RM7');
    expect(normalisePostcodeDistrict(' RM14 ')).toBe('RM14');
    expect(normalisePostcodeDistrict('ec1a 1bb')).toBe('EC1A');
    expect(normalisePostcodeDistrict('W1')).toBe('W1');
  });
  it('rejects text that is not a district or postcode', () => {
    expect(normalisePostcodeDistrict('')).toBeNull();
    expect(normalisePostcodeDistrict('Romford')).toBeNull();
    expect(normalisePostcodeDistrict('RM7 0A')).toBeNull();
    expect(normalisePostcodeDistrict('7RM')).toBeNull();
  });
  it('reads ONSPD pcd (7-character) and pcds (one space) forms', () => {
    expect(outwardCode('RM1 1AA')).toBe('RM1');
    expect(outwardCode('RM141AB')).toBe('RM14');
    expect(outwardCode('EC1A1BB')).toBe('EC1A');
    expect(outwardCode('E1  6AN')).toBe('E1');
    expect(outwardCode('E1 6AN')).toBe('E1');
    expect(outwardCode('garbage')).toBeNull();
  });
  it('measures between district centroids and says null when one is unknown', () => {
    const c = new Map([
      ['RM7', { lat: 51.58, lng: 0.18 }],
      ['RM1', { lat: 51.67, lng: 0.18 }],
    ]);
    expect(districtDistanceKm(c, 'RM7', 'RM1')).toBeCloseTo(10.0076, 3);
    expect(districtDistanceKm(c, 'RM7', 'ZZ9')).toBeNull();
  });
});
