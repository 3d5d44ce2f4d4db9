import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCHEMA_WORDING } from '../domain/core/messages.js';
import { directoryExport, directoryTables, readDirectoryDocument } from '../domain/directory/exchange.js';
import { SHIPPED_TAXONOMIES } from '../domain/directory/taxonomies.js';
import { fileSource, textSource } from './framework.js';
import { orukImporter } from './oruk.js';

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../server/directory/oruk-schema/examples');
const example = (name: string) => JSON.parse(readFileSync(path.join(EXAMPLES, name), 'utf8'));

describe('reading ORUK documents', () => {
  it("refuses the profile's own example service only for its impossible latitude (100°), naming the field", () => {
    const read = readDirectoryDocument(example('service_full.json'));
    expect(read.issues.map((i) => i.field)).toEqual(['service_at_locations.0.location.latitude']);
  });

  it('reads the example once its coordinates are real, and takes pages, lists and nulls as other feeds send them', () => {
    const service = example('service_full.json');
    service.service_at_locations[0].location.latitude = 51.58;
    service.service_at_locations[0].location.longitude = 0.18;
    service.email = null;
    service.alert = '';
    const one = readDirectoryDocument(service);
    expect(one.issues).toEqual([]);
    expect(one.services[0].name).toBe('Community Counselling');
    expect(one.services[0].email).toBeUndefined();
    expect(one.services[0].alert).toBeUndefined();
    expect(readDirectoryDocument({ contents: [service] }).services).toHaveLength(1);
    expect(
      readDirectoryDocument([service, { ...service, id: '2b7e1c5f-8e7a-4c1b-9d3f-0a1b2c3d4e5f' }]).services,
    ).toHaveLength(2);
  });

  it('lists every problem with its path and refuses repeated ids', () => {
    const read = readDirectoryDocument({
      taxonomies: [{ id: 'nope', name: '', description: 'x' }],
      services: [
        { id: '2b7e1c5f-8e7a-4c1b-9d3f-0a1b2c3d4e5f', name: 'A', status: 'open', email: 'not an email' },
        { id: '2b7e1c5f-8e7a-4c1b-9d3f-0a1b2c3d4e5f', name: 'B', status: 'active' },
        { id: '2b7e1c5f-8e7a-4c1b-9d3f-0a1b2c3d4e5f', name: 'C', status: 'active' },
      ],
    });
    const fields = read.issues.map((i) => i.field);
    expect(fields).toContain('taxonomies.0.id');
    expect(fields).toContain('taxonomies.0.name');
    expect(fields).toContain('services.0.status');
    expect(fields).toContain('services.0.email');
    expect(fields).toContain('services.2.id');
    expect(readDirectoryDocument('text').issues[0].message).toMatch(/JSON object or array/);
  });
});

describe('ORUK problems in words', () => {
  it('names the service and the field, with no schema wording (review 13, finding 9)', () => {
    const read = readDirectoryDocument([
      {
        id: '2b7e1c5f-8e7a-4c1b-9d3f-0a1b2c3d4e5f',
        name: 'Lunch club',
        status: 'zzz',
        url: 'not a web address',
        organization: { id: '3f7b145d-84af-42d7-8fae-eaca714b02b2', name: 'Friends of Eastbrook', email: 'nope' },
      },
      {
        id: 'abc',
        status: 'active',
        service_at_locations: [
          {
            id: '4a7b145d-84af-42d7-8fae-eaca714b02b2',
            location: {
              id: '5a7b145d-84af-42d7-8fae-eaca714b02b2',
              location_type: 'physical',
              addresses: [
                {
                  id: '6a7b145d-84af-42d7-8fae-eaca714b02b2',
                  address_type: 'physical',
                  address_1: 'x',
                  city: 'x',
                  state_province: 'x',
                  country: 'GB',
                },
              ],
            },
          },
        ],
      },
    ]);
    const messages = read.issues.map((i) => i.message);
    expect(messages).toContain(
      'Service 1 (“Lunch club”): the service’s status must be one of active, inactive, defunct or temporarily closed',
    );
    expect(messages).toContain(
      'Service 1 (“Lunch club”): enter the service’s web address in the correct format, like https://www.example.org',
    );
    expect(messages).toContain(
      'Service 1 (“Lunch club”): enter the organisation’s email address in the correct format, like name@example.org',
    );
    expect(messages).toContain('Service 2: enter the service’s name');
    expect(messages).toContain(
      'Service 2: the service’s id must be written as a UUID, for example 3f7b145d-84af-42d7-8fae-eaca714b02b2',
    );
    expect(messages).toContain('Service 2, location 1, address 1: enter the postcode');
    for (const m of messages) expect(m).not.toMatch(SCHEMA_WORDING);
  });
});

describe('the oruk importer', () => {
  it('reads a saved ORUK page file and reports bad JSON with its line', async () => {
    const page = await orukImporter.parse(fileSource(path.join(EXAMPLES, 'service_list.json')), {});
    expect(page.issues).toEqual([]);
    expect(page.rows[0].services.map((s) => s.name)).toEqual(['Community Counselling']);
    const broken = await orukImporter.parse(textSource('feed.json', '{\n  "services": [\n    {,}\n  ]\n}'), {});
    expect(broken.rows).toEqual([]);
    expect(broken.issues[0]).toMatchObject({ line: 3 });
    expect(broken.issues[0].message).toMatch(/Not valid JSON/);
    const empty = await orukImporter.parse(textSource('empty.json', '{"services": []}'), {});
    expect(empty.issues[0].message).toBe('The file holds no services and no taxonomies');
  });
});

describe('CSV tables', () => {
  it('lays services out as HSDS tables with parent ids, shared locations once, and amounts in pounds', () => {
    const service = example('service_full.json');
    service.service_at_locations[0].location.latitude = 51.58;
    service.service_at_locations[0].location.longitude = 0.18;
    const { services } = readDirectoryDocument(service);
    const tx = SHIPPED_TAXONOMIES.map(({ terms, ...t }) => ({ ...t, taxonomy_terms: terms }));
    const doc = directoryExport(tx, [...services, { ...services[0], id: '2b7e1c5f-8e7a-4c1b-9d3f-0a1b2c3d4e5f' }]);
    const tables = directoryTables(doc.taxonomies, doc.services);
    expect(tables['services.csv'].rows).toHaveLength(2);
    expect(tables['locations.csv'].rows).toHaveLength(1);
    expect(tables['organizations.csv'].rows).toHaveLength(1);
    expect(tables['cost_options.csv'].rows[0]).toMatchObject({ service_id: services[0].id, amount: 35 });
    expect(tables['addresses.csv'].rows[0]).toMatchObject({ location_id: '3a19ff88-4620-4d17-9830-ac1d859eb5d5' });
    expect(tables['taxonomy_terms.csv'].rows.length).toBe(SHIPPED_TAXONOMIES.reduce((n, t) => n + t.terms.length, 0));
    expect(tables['services.csv'].columns).toContain('taking_referrals');
  });
});
