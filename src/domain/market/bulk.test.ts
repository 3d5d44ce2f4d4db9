import { describe, expect, it } from 'vitest';
import { bulkCapacityTemplate, parseBulkCapacity } from './bulk';

const rec = (rows: string[][]) => rows.map((cells, i) => ({ line: i + 1, cells }));
const beds = (k: string) => (({ 'loc-a': 40, 'loc-b': 60 }) as Record<string, number>)[k];

describe('parseBulkCapacity', () => {
  it('reads a valid file, with and without bed-group columns', () => {
    const r = parseBulkCapacity(
      rec([
        [
          'location_id',
          'max_capacity',
          'occupied',
          'vacant_reserved',
          'vacant_accepting',
          'nursing_max',
          'nursing_occupied',
          'nursing_vacant_accepting',
        ],
        ['loc-a', '40', '36', '1', '3', '', '', ''],
        ['loc-b', '60', '50', '0', '8', '30', '26', '4'],
      ]),
      beds,
    );
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x) => [x.line, x.locationKey, x.input.vacantAccepting, x.input.nursingMax])).toEqual([
      [2, 'loc-a', 3, null],
      [3, 'loc-b', 8, 30],
    ]);
  });
  it('reports every problem with line and column, and writes nothing', () => {
    const r = parseBulkCapacity(
      rec([
        ['location_id', 'max_capacity', 'occupied', 'vacant_reserved', 'vacant_accepting'],
        ['loc-a', '41', '36', '1', '3'], // over CQC beds
        ['loc-x', '10', '5', '0', '1'], // not theirs
        ['loc-b', '60', 'fifty', '0', '8'],
        ['loc-b', '60', '50', '0', ''],
      ]),
      beds,
    );
    expect(r.rows).toEqual([]);
    expect(r.issues).toEqual([
      { line: 2, field: 'max_capacity', message: 'Maximum capacity cannot exceed the 40 beds registered with CQC' },
      { line: 3, field: 'location_id', message: 'loc-x is not one of your care homes' },
      { line: 4, field: 'occupied', message: '"fifty" is not a whole number' },
      { line: 5, field: 'location_id', message: 'loc-b is repeated (first on line 4)' },
      { line: 5, field: 'vacant_accepting', message: 'is empty' },
    ]);
  });
  it('reports a line’s figures that do not add up even when its care home is also wrong (issue 13: all at once)', () => {
    const r = parseBulkCapacity(
      rec([
        ['location_id', 'max_capacity', 'occupied', 'vacant_reserved', 'vacant_accepting'],
        ['loc-x', '10', '12', '0', '1'], // not theirs, and more occupied than places
        ['loc-a', '30', 'all', '0', '40'], // unreadable occupied: the sum is not checked without it
      ]),
      beds,
    );
    expect(r.issues).toEqual([
      { line: 2, field: 'location_id', message: 'loc-x is not one of your care homes' },
      {
        line: 2,
        field: 'occupied',
        message: 'occupied (12) plus vacant beds (1) cannot exceed maximum capacity (10)',
      },
      { line: 3, field: 'occupied', message: '"all" is not a whole number' },
    ]);
  });
  it('names missing header columns', () => {
    expect(parseBulkCapacity(rec([['name', 'occupied']]), beds).issues).toEqual([
      {
        line: 1,
        field: 'header',
        message: 'missing columns: location_id or cqc_location_id, max_capacity, vacant_reserved, vacant_accepting',
      },
    ]);
  });
  it('makes a template from the latest figures that parses back unchanged', () => {
    const t = bulkCapacityTemplate([
      {
        id: 'loc-a',
        cqcLocationId: '1-123456',
        name: 'Abbey',
        latest: { maxCapacity: 40, occupied: 36, vacantReserved: 1, vacantAccepting: 3 },
      },
    ]);
    expect(t[0].slice(0, 4)).toEqual(['location_id', 'cqc_location_id', 'location_name', 'max_capacity']);
    const back = parseBulkCapacity(rec(t), beds);
    expect(back.issues).toEqual([]);
    expect(back.rows[0].input).toMatchObject({ maxCapacity: 40, occupied: 36, vacantReserved: 1, vacantAccepting: 3 });
  });
});
