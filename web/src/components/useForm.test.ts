import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { serverErrorsForForm } from './useForm';

const problem = (errors: { field: string; message: string }[], detail = '') =>
  new ApiError({ status: 422, title: 'There is a problem with the data', detail, errors });

describe('serverErrorsForForm', () => {
  it('puts a date field’s error on its day box, also when the server nests it', () => {
    const err = problem([
      { field: 'startDate', message: 'Start date must be a real date' },
      { field: 'stage.plannedEnd', message: 'Planned end must be after the start' },
      { field: 'title', message: 'Enter a title' },
    ]);
    expect(serverErrorsForForm(err, { dateFields: ['startDate', 'plannedEnd'] })).toEqual([
      { field: 'startDate-day', message: 'Start date must be a real date' },
      { field: 'plannedEnd-day', message: 'Planned end must be after the start' },
      { field: 'title', message: 'Enter a title' },
    ]);
  });

  it('drops the given prefixes and applies a renaming (undefined: no link)', () => {
    const err = problem([
      { field: 'changes.endDate', message: 'End date must be after the start' },
      { field: 'params.uplift', message: 'Uplift is too high' },
      { field: 'params.unknown', message: 'Not a parameter' },
    ]);
    expect(serverErrorsForForm(err, { prefixes: ['changes.'], dateFields: ['endDate'] })[0]).toEqual({
      field: 'endDate-day',
      message: 'End date must be after the start',
    });
    const rename = (f: string) => ({ 'params.uplift': 'uplift' })[f];
    expect(serverErrorsForForm(err, { rename }).slice(1)).toEqual([
      { field: 'uplift', message: 'Uplift is too high' },
      { field: undefined, message: 'Not a parameter' },
    ]);
  });

  it('shows the problem’s detail when it names no field, and any other error’s text', () => {
    expect(serverErrorsForForm(problem([], 'The contract has ended'))).toEqual([{ message: 'The contract has ended' }]);
    expect(serverErrorsForForm(new TypeError('Failed to fetch'))).toEqual([{ message: 'TypeError: Failed to fetch' }]);
  });
});
