import { describe, expect, it } from 'vitest';
import { contractService, marketLocationService, type MarketLocationInput } from './publish.js';
import { orukServiceSchema } from './oruk.js';

const home: MarketLocationInput = {
  id: 'loc-1',
  name: 'Elm House',
  address: '12 Elm Road, Collier Heath',
  postcode: 'EB4 2QT',
  localAuthorityName: 'Eastbrook',
  region: 'London',
  phone: '020 7946 0123',
  website: 'https://elm-house.example.org',
  cqcLocationId: '1-123456789',
  serviceTypes: ['care_home_nursing'],
  specialisms: ['older_people', 'dementia', 'autism'],
  registeredBeds: 60,
  cqcRating: 'Good',
  deregistered: false,
  selfFunderWeeklyFeePence: 145_000,
  lat: 51.615,
  lng: 0.1745,
};
const provider = { id: 'prov-1', name: 'Elm Care Ltd', cqcProviderId: '1-987' };

describe('publishing the market register', () => {
  it('turns a care home into a valid ORUK service with CQC terms, its fee and whether it has a bed to offer', () => {
    const s = marketLocationService(home, provider, {
      vacantAccepting: 2,
      newHoursAvailable: null,
      asAt: '2026-11-01T09:00:00.000Z',
    });
    expect(orukServiceSchema.safeParse(s).success).toBe(true);
    expect(s.attributes!.map((a) => a.taxonomy_term.name)).toEqual([
      'Care and support',
      'Nursing homes',
      'Caring for adults over 65 yrs',
      'Dementia',
    ]);
    expect(s.cost_options![0].amount).toBe(1450);
    expect(s.steward_capacity).toEqual({ taking_referrals: true, updated: '2026-11-01T09:00:00.000Z' });
    expect(s.service_at_locations![0].location).toMatchObject({
      external_identifier: '1-123456789',
      external_identifier_type: 'CQC location ID',
      latitude: 51.615,
    });
    expect(s.service_at_locations![0].location.addresses![0]).toMatchObject({
      address_1: '12 Elm Road',
      city: 'Collier Heath',
    });
    expect(s.organization!.organization_identifiers![0]).toMatchObject({
      identifier_type: 'CQC provider ID',
      identifier: '1-987',
    });
    // Publishing again gives the same ids, so it refreshes the entry.
    expect(marketLocationService(home, provider, null).id).toBe(s.id);
  });

  it('publishes a full home as not taking referrals, a homecare agency by its hours, a deregistered one as defunct', () => {
    expect(
      marketLocationService(home, provider, { vacantAccepting: 0, newHoursAvailable: null, asAt: 'x' }).steward_capacity
        ?.taking_referrals,
    ).toBe(false);
    const agency = { ...home, serviceTypes: ['homecare'], registeredBeds: null };
    expect(
      marketLocationService(agency, provider, { vacantAccepting: null, newHoursAvailable: 40, asAt: 'x' })
        .steward_capacity?.taking_referrals,
    ).toBe(true);
    expect(marketLocationService({ ...home, deregistered: true }, provider, null).status).toBe('defunct');
  });

  it('turns a contract into a service listed under the need its service area meets', () => {
    const s = contractService(
      {
        id: 'c-1',
        reference: 'EB-CAR-001',
        title: 'Carers Hub',
        serviceArea: 'carers',
        careGroup: 'carers',
        startDate: '2025-04-01',
        endDate: '2028-03-31',
      },
      provider,
      null,
      "Carers' support",
      'Carers',
    );
    expect(orukServiceSchema.safeParse(s).success).toBe(true);
    expect(s.attributes!.map((a) => a.taxonomy_term.term)).toEqual(['carers']);
    expect(s.schedules![0]).toMatchObject({ valid_from: '2025-04-01', valid_to: '2028-03-31' });
  });
});
