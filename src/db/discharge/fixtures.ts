// Small, realistic market fixtures for the discharge integration tests: a few homes and an agency around
// RM7, with capacity returns, usual rates and district centroids. Test support only.
import type { Db } from '../client.js';
import { createLocation, createProvider, type LocationInput } from '../market/register.js';
import { careHomeCapacity, homecareCapacity, usualRates } from '../market/schema.js';
import { dischargeBlockBeds, postcodeDistricts } from './schema.js';

export interface DischargeFixture {
  nursingHome: { providerId: string; locationId: string };
  secondHome: { providerId: string; locationId: string };
  agency: { providerId: string; locationId: string };
  d2aHome: { providerId: string; locationId: string };
}

const SYSTEM = { system: 'test' } as const;

/**
 * Test and benchmark fixture: a small market around the hub (homes, an agency, a D2A home, rates, postcodes) as at
 * `now`. @returns the ids made
 */
export async function seedDischargeMarket(db: Db, now: Date): Promise<DischargeFixture> {
  await db
    .insert(postcodeDistricts)
    .values([
      { district: 'RM7', lat: 51.58, lng: 0.18, postcodes: 1200, source: 'test' },
      { district: 'RM1', lat: 51.67, lng: 0.18, postcodes: 900, source: 'test' },
      { district: 'RM3', lat: 51.6, lng: 0.24, postcodes: 800, source: 'test' },
    ])
    .onConflictDoNothing();
  await db
    .insert(usualRates)
    .values([
      { band: 'standard_nursing', effectiveFrom: '2024-04-01', amountPence: 71_500 },
      { band: 'standard_residential', effectiveFrom: '2024-04-01', amountPence: 70_100 },
      { band: 'homecare_hourly', effectiveFrom: '2024-04-01', amountPence: 2_426, unit: 'hour' },
    ])
    .onConflictDoNothing();

  const mk = async (provider: string, loc: Omit<LocationInput, 'providerId'>) => {
    const p = await createProvider(db, { name: provider }, SYSTEM);
    const l = await createLocation(db, { ...loc, providerId: p.id }, SYSTEM);
    return { providerId: p.id, locationId: l.id };
  };
  const nursingHome = await mk('Rosewood Care Ltd', {
    name: 'Rosewood Nursing Home',
    postcode: 'RM7 0AB',
    postcodeDistrict: 'RM7',
    serviceTypes: ['care_home_nursing'],
    specialisms: ['dementia'],
    serviceUserBands: ['older_people'],
    cqcRating: 'Good',
    onFramework: true,
    registeredBeds: 40,
  });
  const secondHome = await mk('Oakfield Homes', {
    name: 'Oakfield House',
    postcode: 'RM1 2CD',
    postcodeDistrict: 'RM1',
    serviceTypes: ['care_home_nursing', 'care_home_residential'],
    specialisms: ['dementia'],
    serviceUserBands: ['older_people'],
    cqcRating: 'Outstanding',
    onDps: true,
    registeredBeds: 60,
  });
  const agency = await mk('Havencare Homecare', {
    name: 'Havencare Romford',
    postcode: 'RM3 9ZZ',
    postcodeDistrict: 'RM3',
    serviceTypes: ['homecare'],
    specialisms: [],
    serviceUserBands: ['older_people'],
    cqcRating: 'Good',
    onFramework: true,
  });
  const d2aHome = await mk('Cedars D2A Partnership', {
    name: 'The Cedars',
    postcode: 'RM7 1XY',
    postcodeDistrict: 'RM7',
    serviceTypes: ['care_home_nursing'],
    specialisms: [],
    serviceUserBands: ['older_people'],
    cqcRating: 'Good',
    registeredBeds: 30,
  });

  const asAt = new Date(now.getTime() - 86_400_000);
  await db.insert(careHomeCapacity).values([
    // Rosewood: exactly one nursing bed left.
    {
      locationId: nursingHome.locationId,
      asAt,
      maxCapacity: 40,
      occupied: 38,
      vacantReserved: 1,
      vacantAccepting: 1,
      nursingMax: 40,
      nursingOccupied: 38,
      nursingVacantAccepting: 1,
      source: 'provider',
    },
    {
      locationId: secondHome.locationId,
      asAt,
      maxCapacity: 60,
      occupied: 55,
      vacantReserved: 0,
      vacantAccepting: 5,
      nursingMax: 30,
      nursingOccupied: 27,
      nursingVacantAccepting: 3,
      residentialMax: 30,
      residentialOccupied: 28,
      residentialVacantAccepting: 2,
      source: 'provider',
    },
  ]);
  await db.insert(homecareCapacity).values({
    locationId: agency.locationId,
    asAt,
    area: '',
    peopleSupported: 120,
    hoursPerWeek: '1800',
    newHoursAvailable: '30',
    source: 'provider',
  });
  await db.insert(dischargeBlockBeds).values([
    {
      locationId: d2aHome.locationId,
      kind: 'd2a',
      label: 'D2A bed 1',
      weeklyPricePence: 95_000,
      fromDate: '2024-01-01',
    },
    {
      locationId: d2aHome.locationId,
      kind: 'd2a',
      label: 'D2A bed 2',
      weeklyPricePence: 95_000,
      fromDate: '2024-01-01',
    },
  ]);
  return { nursingHome, secondHome, agency, d2aHome };
}
