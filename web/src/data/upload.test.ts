import { describe, expect, it } from 'vitest';
import { toFileProblem } from './upload';

describe('toFileProblem', () => {
  it('names a whole-file problem "File", not by its code (review 13: a PNG uploaded as the contract register)', () => {
    expect(toFileProblem({ field: 'file', message: 'This file is an image, not a CSV or text file' })).toEqual({
      line: null,
      field: 'File',
      message: 'This file is an image, not a CSV or text file',
    });
  });

  it('names an option by its label and keeps a column name and line as the file gives them', () => {
    expect(toFileProblem({ field: 'trust', message: 'x' }, { trust: 'NHS trust' }).field).toBe('NHS trust');
    expect(toFileProblem({ field: 'line 3: Start date', message: 'x' })).toEqual({
      line: 3,
      field: 'Start date',
      message: 'x',
    });
    expect(toFileProblem({ field: 'line 9: locationId', message: 'x' }).field).toBe('CQC location ID');
  });
});
