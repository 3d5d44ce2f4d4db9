import { describe, expect, it } from 'vitest';
import { actualsChange } from './schemes.js';

// Review 13, finding 10: "Actual spend changed | BCF scheme | ref: EB-01; quarters: 1" said nothing of the spend before.
describe('actualsChange', () => {
  it('records each quarter’s spend and outputs before → after, in words, leaving out what did not change', () => {
    const was = [
      { fundingLine: 'minimum_nhs', year: '2026/27', quarter: 1, actualPence: 5000, outputs: 3 },
      { fundingLine: 'minimum_nhs', year: '2026/27', quarter: 2, actualPence: 100, outputs: null },
    ];
    expect(
      actualsChange(was, [
        { fundingLine: 'minimum_nhs', year: '2026/27', quarter: 1, actualPence: 7000, outputs: 3 },
        { fundingLine: 'minimum_nhs', year: '2026/27', quarter: 2, actualPence: 100, outputs: null },
        { fundingLine: 'minimum_nhs', year: '2026/27', quarter: 3, actualPence: 123456, outputs: 4 },
      ]),
    ).toEqual({
      before: {
        '2026/27 Q1 BCF minimum NHS contribution: actual spend': '£50',
        '2026/27 Q3 BCF minimum NHS contribution: actual spend': null,
        '2026/27 Q3 BCF minimum NHS contribution: outputs': null,
      },
      after: {
        '2026/27 Q1 BCF minimum NHS contribution: actual spend': '£70',
        '2026/27 Q3 BCF minimum NHS contribution: actual spend': '£1,234.56',
        '2026/27 Q3 BCF minimum NHS contribution: outputs': 4,
      },
    });
  });
});
