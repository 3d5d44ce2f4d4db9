import { describe, expect, it } from 'vitest';
import {
  localAuthorityGss,
  mapServiceTypes,
  mapSpecialisms,
  parseCqcDate,
  parseCqcDirectory,
  type RawRecord,
} from './cqc';
import { planCqcImport } from './cqcImportPlan';
import { normalisePostcode, postcodeDistrict } from './types';

const HEADER = [
  'Name',
  'Also known as',
  'Address',
  'Postcode',
  'Phone number',
  "Service's website (if available)",
  'Service types',
  'Date of latest check',
  'Specialisms/services',
  'Provider name',
  'Local authority',
  'Region',
  'Location URL',
  'CQC Location ID (for office use only)',
  'CQC Provider ID (for office use only)',
];
function file(rows: string[][], header = HEADER): RawRecord[] {
  const title = [['CQC Locations data'], [''], ['This data was produced on 03 November 2025'], ['']];
  return [...title, header, ...rows].map((cells, i) => ({ line: i + 1, cells }));
}
const abbey = [
  'Abbey Lodge',
  '',
  '12 Main Road,Romford',
  'RM1 3AB',
  '',
  '',
  'Residential homes',
  '14/Mar/2024 - 00:00',
  'Caring for adults over 65 yrs|Dementia',
  'Abbey Ltd',
  'Havering',
  'London',
  '',
  '1-101000001',
  '1-201000001',
];

describe('CQC directory values', () => {
  it('reads both published date styles', () => {
    expect(parseCqcDate('19/May/2022 - 00:00')).toBe('2022-05-19');
    expect(parseCqcDate('05/11/2018 - 10:30')).toBe('2018-11-05');
    expect(parseCqcDate('')).toBeNull();
    expect(() => parseCqcDate('31/Feb/2024 - 00:00')).toThrow(/not a real date/);
    expect(() => parseCqcDate('yesterday')).toThrow(/not a date/);
  });
  it('maps service types and specialisms to our codes, ignoring health services', () => {
    expect(mapServiceTypes(['Nursing homes', 'Residential homes'])).toEqual([
      'care_home_nursing',
      'care_home_residential',
    ]);
    expect(mapServiceTypes(['Homecare agencies', 'Supported living', 'Extra Care housing services'])).toEqual([
      'homecare',
      'supported_living',
      'extra_care',
    ]);
    expect(mapServiceTypes(['Dentist', 'Doctors/GPs'])).toEqual([]);
    expect(
      mapSpecialisms([
        'Caring for adults over 65 yrs',
        'Learning disabilities',
        'Mental health conditions',
        'Sensory impairments',
      ]),
    ).toEqual(['older_people', 'learning_disability', 'mental_health', 'sensory_impairment']);
  });
  it('normalises postcodes and finds the district', () => {
    expect(normalisePostcode(' rm141af ')).toBe('RM14 1AF');
    expect(postcodeDistrict('RM14 1AF')).toBe('RM14');
    expect(postcodeDistrict('IG1 4UQ')).toBe('IG1');
  });
  it('knows London borough GSS codes', () => {
    expect(localAuthorityGss('Havering')).toBe('E09000016');
    expect(localAuthorityGss('Barking & Dagenham')).toBe('E09000002');
    expect(localAuthorityGss('London Borough of Redbridge')).toBe('E09000026');
    expect(localAuthorityGss('Nowhere')).toBeNull();
  });
});

describe('parseCqcDirectory', () => {
  it('finds the header on line 5 and keeps adult social care locations', () => {
    const gp = [...abbey];
    gp[0] = 'Surgery';
    gp[6] = 'Doctors/GPs';
    gp[13] = '1-101000009';
    const r = parseCqcDirectory(file([abbey, gp]));
    expect(r.issues).toEqual([]);
    expect(r.skipped).toBe(1);
    expect(r.locations).toHaveLength(1);
    expect(r.locations[0]).toMatchObject({
      line: 6,
      cqcLocationId: '1-101000001',
      name: 'Abbey Lodge',
      postcodeDistrict: 'RM1',
      localAuthorityGss: 'E09000016',
      serviceTypes: ['care_home_residential'],
      specialisms: ['dementia'],
      serviceUserBands: ['older_people'],
      cqcLastCheck: '2024-03-14',
    });
  });
  it('accepts the older column names', () => {
    const old = [...HEADER];
    old[10] = 'Local Authority';
    old[13] = 'CQC Location (for office use only';
    const r = parseCqcDirectory(file([abbey], old));
    expect(r.issues).toEqual([]);
    expect(r.locations[0].localAuthorityName).toBe('Havering');
  });
  it('reports a missing column against the header line', () => {
    const r = parseCqcDirectory(
      file(
        [abbey],
        HEADER.map((h) => (h === 'Provider name' ? 'Provider' : h)),
      ),
    );
    expect(r.issues).toEqual([
      { line: 5, field: 'Provider name', message: 'header is missing column "Provider name"' },
    ]);
  });
  it('reports every bad row with its line and column', () => {
    const badId = [...abbey];
    badId[13] = 'X-1';
    const badDate = [...abbey];
    badDate[13] = '1-101000002';
    badDate[7] = '30/02/2024 - 00:00';
    const repeat = [...abbey];
    const r = parseCqcDirectory(file([abbey, badId, badDate, repeat]));
    expect(r.issues).toEqual([
      { line: 7, field: 'CQC Location ID (for office use only)', message: '"X-1" is not a CQC ID (1-nnnnn...)' },
      { line: 8, field: 'Date of latest check', message: '"30/02/2024 - 00:00" is not a real date' },
      { line: 9, field: 'CQC Location ID (for office use only)', message: '1-101000001 is repeated (first on line 6)' },
    ]);
  });
  it('refuses a file that is not the directory', () => {
    const r = parseCqcDirectory([{ line: 1, cells: ['name', 'cqc_id', 'type'] }]);
    expect(r.issues[0].field).toBe('header');
  });
});

describe('planCqcImport', () => {
  const parsed = parseCqcDirectory(file([abbey])).locations;
  const fieldsOf = (l: (typeof parsed)[0]) => ({ ...l });
  it('creates new locations and leaves unchanged ones alone', () => {
    expect(planCqcImport(parsed, []).created).toHaveLength(1);
    const again = planCqcImport(parsed, [
      {
        cqcLocationId: '1-101000001',
        localAuthorityName: 'Havering',
        deregistered: false,
        fields: fieldsOf(parsed[0]),
      },
    ]);
    expect(again).toMatchObject({ created: [], changed: [], unchanged: 1, deregistered: [] });
  });
  it('lists changed fields and deregistrations within the covered local authorities only', () => {
    const plan = planCqcImport(parsed, [
      {
        cqcLocationId: '1-101000001',
        localAuthorityName: 'Havering',
        deregistered: false,
        fields: { ...fieldsOf(parsed[0]), name: 'Abbey Lodge Care Home', specialisms: ['dementia', 'mental_health'] },
      },
      { cqcLocationId: '1-101000050', localAuthorityName: 'Havering', deregistered: false, fields: {} },
      { cqcLocationId: '1-101000060', localAuthorityName: 'Redbridge', deregistered: false, fields: {} },
    ]);
    expect(plan.changed.map((c) => c.fields)).toEqual([['name', 'specialisms']]);
    expect(plan.deregistered).toEqual(['1-101000050']);
  });
});
