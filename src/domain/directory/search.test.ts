import { describe, expect, it } from 'vitest';
import { normalisePostcodeDistrict } from '../discharge/geo.js';
import { foldForSearch, searchIndexOf } from './search.js';
import { orukPage, type OrukService } from './oruk.js';

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

describe('orukPage', () => {
  it('marks a page past the last one as empty, and gives the page numbers of a real list', () => {
    // 358 services, 50 a page: 8 pages, the last holding 8.
    expect(orukPage([], 358, 999, 50)).toMatchObject({
      total_items: 358,
      total_pages: 8,
      page_number: 999,
      size: 0,
      first_page: false,
      last_page: true,
      empty: true,
    });
    const last = orukPage(
      Array.from({ length: 8 }, (_, i) => i),
      358,
      8,
      50,
    );
    expect(last).toMatchObject({ size: 8, last_page: true, empty: false });
    expect(orukPage([], 0, 1, 50)).toMatchObject({ total_pages: 0, first_page: true, last_page: true, empty: true });
  });
});
