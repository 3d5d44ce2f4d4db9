import { describe, expect, it } from 'vitest';
import { defaultCell, sortRows, type Column } from './Table';

interface Row {
  name: string;
  beds: number | null;
}

const rows: Row[] = [
  { name: 'care home 10', beds: 40 },
  { name: 'Care home 2', beds: null },
  { name: 'Abbey', beds: 120 },
  { name: 'abbey', beds: 40 },
];

describe('sortRows', () => {
  const byName: Column<Row> = { key: 'name', header: 'Name' };
  const byBeds: Column<Row> = { key: 'beds', header: 'Beds', numeric: true };

  it('sorts text with natural numbers and without case, keeping ties in their original order', () => {
    expect(sortRows(rows, byName, 'ascending').map((r) => r.name)).toEqual([
      'Abbey',
      'abbey',
      'Care home 2',
      'care home 10',
    ]);
    expect(sortRows(rows, byName, 'descending').map((r) => r.name)).toEqual([
      'care home 10',
      'Care home 2',
      'Abbey',
      'abbey',
    ]);
  });

  it('sorts numbers numerically with missing values last in both directions', () => {
    expect(sortRows(rows, byBeds, 'ascending').map((r) => r.beds)).toEqual([40, 40, 120, null]);
    expect(sortRows(rows, byBeds, 'descending').map((r) => r.beds)).toEqual([120, 40, 40, null]);
  });

  it('uses sortValue when given', () => {
    const byLength: Column<Row> = { key: 'name', header: 'Name', sortValue: (r) => r.name.length };
    expect(sortRows(rows, byLength, 'ascending').map((r) => r.name)).toEqual([
      'Abbey',
      'abbey',
      'Care home 2',
      'care home 10',
    ]);
  });
});

describe('numeric cells without their own render (review 13 finding 6)', () => {
  it('writes counts with thousands separators, as the rest of the page does', () => {
    const col = { key: 'count', numeric: true } as const;
    expect(defaultCell(col, { count: 1960 })).toBe('1,960');
    expect(defaultCell(col, { count: 21 })).toBe('21');
    expect(defaultCell({ key: 'count' }, { count: 1960 })).toBe('1960');
    expect(defaultCell(col, { count: null })).toBe('');
  });
});
