import { describe, expect, it } from 'vitest';
import { normalisePostcodeDistrict } from '../discharge/geo.js';
import { foldForSearch, searchIndexOf } from './search.js';
import type { OrukService } from './oruk.js';

describe('search index', () => {
  it('folds accents and case so "cafe" finds "Café"', () => {
    expect(foldForSearch('Memory Café – Élan')).toBe('memory cafe – elan');
  });

  it('keeps what search filters on and the card the page shows', () => {
    const service: OrukService = {
      id: '2b7e1c5f-8e7a-4c1b-9d3f-0a1b2c3d4e5f',
      name: 'Memory café',
      status: 'active',
      description: 'x'.repeat(500),
      schedules: [{ id: '3b7e1c5f-8e7a-4c1b-9d3f-0a1b2c3d4e5f', byday: 'TH' }],
      cost_options: [{ id: '4b7e1c5f-8e7a-4c1b-9d3f-0a1b2c3d4e5f', amount: 2 }],
      service_areas: [
        { id: '5b7e1c5f-8e7a-4c1b-9d3f-0a1b2c3d4e5f', extent: 'EB1 eb2,EB3' },
        { id: '6b7e1c5f-8e7a-4c1b-9d3f-0a1b2c3d4e5f', extent: 'The whole borough' },
      ],
      service_at_locations: [
        {
          id: '7b7e1c5f-8e7a-4c1b-9d3f-0a1b2c3d4e5f',
          location: {
            id: '8b7e1c5f-8e7a-4c1b-9d3f-0a1b2c3d4e5f',
            location_type: 'physical',
            name: 'Library',
            latitude: 51.5,
            longitude: 0.2,
            addresses: [
              {
                id: '9b7e1c5f-8e7a-4c1b-9d3f-0a1b2c3d4e5f',
                address_1: '1 High St',
                city: 'Eastbrook',
                state_province: '',
                postal_code: 'EB1 1AA',
                country: 'GB',
                address_type: 'physical',
              },
            ],
          },
        },
      ],
    };
    const x = searchIndexOf(service, normalisePostcodeDistrict);
    expect(x).toMatchObject({
      days: ['TH'],
      free: false,
      areaDistricts: ['EB1', 'EB2', 'EB3'],
      lats: [51.5],
      lngs: [0.2],
      nameText: 'memory cafe',
    });
    expect(x.card.description!.length).toBe(400);
    expect(x.card).toMatchObject({ place: 'Library', address: '1 High St, Eastbrook', postcode: 'EB1 1AA' });
  });
});
