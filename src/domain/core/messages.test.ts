import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { enterMessage, fieldLabel, SCHEMA_WORDING, userMessage } from './messages.js';

const messagesFor = (schema: z.ZodType, input: unknown) =>
  Object.fromEntries(
    (schema.safeParse(input).error?.issues ?? []).map((i) => [i.path.join('.') || '(root)', userMessage(i)]),
  );

describe('validation messages in the user’s words', () => {
  it('asks for a missing value grammatically, "Enter the <label>" (issue 13: "Enter reporting from", "Enter last day")', () => {
    expect(enterMessage('Date medically optimised')).toBe('Enter the date medically optimised');
    expect(enterMessage('Date reporting starts')).toBe('Enter the date reporting starts');
    expect(enterMessage('Last day of the contract')).toBe('Enter the last day of the contract');
    expect(enterMessage('NHS number')).toBe('Enter the NHS number');
    expect(enterMessage('why the KPI is being removed')).toBe('Enter why the KPI is being removed');
    expect(enterMessage('The date the fees apply from')).toBe('Enter the date the fees apply from');
  });

  it('labels fields by their names in words', () => {
    expect(fieldLabel('weeklyPricePence')).toBe('weekly price');
    expect(fieldLabel('needs.specialisms.0')).toBe('specialisms');
    expect(fieldLabel(['nhsNumber'])).toBe('NHS number');
    expect(fieldLabel('serviceType')).toBe('type of service');
    expect(fieldLabel('medicallyOptimisedAt')).toBe('date and time medically optimised');
    expect(fieldLabel('agency_staff')).toBe('agency staff');
  });

  it('names a field in a list’s row by the row (issue 13: risk bands said "Min must be 1 or more")', () => {
    expect(fieldLabel(['bands', 1, 'min'])).toBe('lowest score of band 2');
    expect(fieldLabel('bands.0.max')).toBe('highest score of band 1');
    expect(
      userMessage({
        code: 'too_small',
        origin: 'number',
        minimum: 1,
        inclusive: true,
        path: ['bands', 0, 'min'],
      } as never),
    ).toBe('Lowest score of band 1 must be 1 or more');
  });

  it('rewrites every default schema message (issue 13: "expected number, received NaN", "Invalid UUID", codes)', () => {
    const schema = z
      .object({
        beds: z.number().int().min(0).max(100),
        price: z.number(),
        providerId: z.uuid(),
        serviceType: z.enum(['care_home_residential', 'homecare']),
        name: z.string().min(1).max(3),
        email: z.email(),
        startDate: z.iso.date(),
        hours: z.number().multipleOf(5),
        postcode: z.string().regex(/^[A-Z]/),
        active: z.boolean(),
        specialisms: z.array(z.string()).min(1),
        reason: z.string(),
      })
      .strict();
    const got = messagesFor(schema, {
      beds: 1.5,
      price: NaN,
      providerId: 'x',
      serviceType: 'q',
      name: 'abcd',
      email: 'no',
      startDate: '2020-13-01',
      hours: 7,
      postcode: 'a',
      active: 'yes',
      specialisms: [],
      extra: 1,
    });
    expect(got).toEqual({
      beds: 'Beds must be a whole number',
      price: 'Price must be a number',
      providerId: 'Choose provider from the list',
      serviceType: 'Choose type of service from the list',
      name: 'Name must be 3 characters or fewer',
      email: 'Enter an email address in the correct format, like name@example.com',
      startDate: 'Start date must be a real date',
      hours: 'Hours must be a multiple of 5',
      postcode: 'Enter the postcode in the correct format',
      active: 'Choose yes or no for active',
      specialisms: 'Choose at least one for specialisms',
      reason: 'Enter the reason',
      '(root)': 'Remove the field extra: they are not used here',
    });
    for (const m of Object.values(got)) expect(m).not.toMatch(SCHEMA_WORDING);
    expect(messagesFor(z.object({ share: z.number().min(0).max(100) }), { share: -10 })).toEqual({
      share: 'Share must be 0 or more',
    });
    expect(messagesFor(z.object({ share: z.number().min(0).max(100) }), { share: 101 })).toEqual({
      share: 'Share must be 100 or less',
    });
  });

  it('names contract fields by the form’s labels and says ranges in the user’s units (months, days, pounds)', () => {
    const schema = z.object({
      noticePeriodMonths: z.number().int().min(0).max(24),
      dueDays: z.number().int().min(0).max(120),
      tolerance: z.number().min(0),
      totalValuePence: z.number().int().min(0).max(100_000_000_000),
      annualValuePence: z.number().int().min(0).max(2_500_050),
    });
    expect(
      messagesFor(schema, {
        noticePeriodMonths: 99,
        dueDays: 999,
        tolerance: -3,
        totalValuePence: 100_000_000_001,
        annualValuePence: -1,
      }),
    ).toEqual({
      noticePeriodMonths: 'Notice period must be 24 months or less',
      dueDays: 'Due day must be 120 days or less',
      tolerance: 'Tolerance before it is red must be 0 or more',
      totalValuePence: 'Total value over the term must be £1,000,000,000 or less',
      annualValuePence: 'Annual value must be £0 or more',
    });
  });

  it('never answers a bare “Check …”: a refinement without words says what to do', () => {
    const schema = z.object({ code: z.string().refine((v) => v.startsWith('E')) });
    expect(messagesFor(schema, { code: 'x' })).toEqual({ code: 'Enter the code in the correct format' });
  });

  it('writes date limits out in words', () => {
    const schema = z.object({ on: z.date().min(new Date('2015-04-01T00:00:00Z')) });
    expect(messagesFor(schema, { on: new Date('2014-01-01T00:00:00Z') })).toEqual({
      on: 'On must be on or after 1 April 2015',
    });
  });

  it('keeps a message the schema’s author wrote', () => {
    const schema = z.object({ price: z.number().min(0, 'Enter a price of £0 or more') });
    expect(messagesFor(schema, { price: -1 })).toEqual({ price: 'Enter a price of £0 or more' });
  });

  it('recognises schema wording (the end-to-end tests fail a page that shows it)', () => {
    for (const bad of [
      'Invalid input: expected number, received NaN',
      'id: Invalid UUID',
      'serviceType: Invalid option: expected one of "care_home_residential"',
      'Too small: expected number to be >=0',
    ])
      expect(bad).toMatch(SCHEMA_WORDING);
    for (const good of ['Enter a number of beds from 0 to 1,000', 'Choose type of service from the list'])
      expect(good).not.toMatch(SCHEMA_WORDING);
  });
});
