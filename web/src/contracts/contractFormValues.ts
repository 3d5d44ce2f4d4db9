// The contract form's values: a blank form, one filled from a contract, and the request body read from them with
// every problem found.
import { z } from 'zod';
import {
  domainProblems,
  emptyDate,
  formatDate,
  isoToDateParts,
  type DateParts,
  type SummaryError,
} from '../components';
import { penceToText, readDate, readDateList, readMonthsList, readPounds } from './formHelpers';
import type { Contract } from './types';
import { termProblems, valueProblems } from '../../../src/domain/contracts/contract';
import { BOUNDS, plannedDateSchema } from '../../../src/domain/core/bounds';

/** The API's bounds on a contract's dates (src/server/contracts/registerRoutes.ts uses the same schemas). */
const contractDates = z.object({
  startDate: plannedDateSchema('start date').optional(),
  initialEndDate: plannedDateSchema('end date of the initial term').optional(),
});

/** What the contract form holds: each field as typed. */
export interface Values {
  reference: string;
  title: string;
  providerId: string;
  locationId: string;
  serviceArea: string;
  careGroup: string;
  contractForm: string;
  fundingSource: string;
  totalValuePence: string;
  annualValuePence: string;
  startDate: DateParts;
  initialEndDate: DateParts;
  extensionOptionsMonths: string;
  extensionsTaken: string;
  breakClauseDates: string;
  noticePeriodMonths: string;
  socialValue: string;
  leadOfficer: string;
}

/** The form of a new contract. */
export const blank: Values = {
  reference: '',
  title: '',
  providerId: '',
  locationId: '',
  serviceArea: '',
  careGroup: '',
  contractForm: '',
  fundingSource: '',
  totalValuePence: '',
  annualValuePence: '',
  startDate: emptyDate,
  initialEndDate: emptyDate,
  extensionOptionsMonths: '',
  extensionsTaken: '0',
  breakClauseDates: '',
  noticePeriodMonths: '3',
  socialValue: '',
  leadOfficer: '',
};

/** The form of an existing contract, from its register entry. */
export function valuesOf(c: Contract): Values {
  return {
    reference: c.reference,
    title: c.title,
    providerId: c.providerId ?? '',
    locationId: c.locationId ?? '',
    serviceArea: c.serviceArea,
    careGroup: c.careGroup,
    contractForm: c.contractForm,
    fundingSource: c.fundingSource,
    totalValuePence: penceToText(c.totalValuePence),
    annualValuePence: penceToText(c.annualValuePence),
    startDate: isoToDateParts(c.startDate),
    initialEndDate: isoToDateParts(c.initialEndDate),
    extensionOptionsMonths: c.extensionOptionsMonths.join(' + '),
    extensionsTaken: String(c.extensionsTaken),
    breakClauseDates: c.breakClauseDates.map((d) => formatDate(d)).join(', '),
    noticePeriodMonths: String(c.noticePeriodMonths),
    socialValue: c.socialValue ?? '',
    leadOfficer: c.leadOfficer ?? '',
  };
}

/** The form's date fields, whose server errors link to their day input. */
export const DATE_FIELDS = ['startDate', 'initialEndDate'] as const;

/** A contract's value: what the API accepts (BOUNDS.contractValuePence, up to £1bn). */
const VALUE = BOUNDS.contractValuePence;

/** The fields in the order the form shows them: the error summary lists problems in this order. */
const FIELD_ORDER = [
  'reference',
  'title',
  'providerId',
  'locationId',
  'serviceArea',
  'careGroup',
  'contractForm',
  'fundingSource',
  'totalValuePence',
  'annualValuePence',
  'startDate',
  'initialEndDate',
  'extensionOptionsMonths',
  'extensionsTaken',
  'breakClauseDates',
  'noticePeriodMonths',
  'socialValue',
  'leadOfficer',
];
const baseField = (f: string | undefined) => (f ?? '').replace(/-day$/, '');

/** The request body from what was typed, with every problem found (each naming its input). */
export function contractBody(v: Values): { body: Record<string, unknown>; problems: SummaryError[] } {
  const problems: SummaryError[] = [];
  if (!v.reference.trim()) problems.push({ field: 'reference', message: 'Enter the contract reference' });
  if (!v.title.trim()) problems.push({ field: 'title', message: 'Enter the contract title' });
  if (!v.serviceArea) problems.push({ field: 'serviceArea', message: 'Choose the service area' });
  if (!v.careGroup) problems.push({ field: 'careGroup', message: 'Choose the care group' });
  if (!v.contractForm) problems.push({ field: 'contractForm', message: 'Choose the contract form' });
  if (!v.fundingSource) problems.push({ field: 'fundingSource', message: 'Choose the funding source' });
  const total = readPounds(v.totalValuePence, 'totalValuePence', 'total value over the term', problems, VALUE);
  const annual = readPounds(v.annualValuePence, 'annualValuePence', 'annual value', problems, VALUE);
  const start = readDate(v.startDate, 'startDate', 'Start date', problems);
  const end = readDate(v.initialEndDate, 'initialEndDate', 'End date of the initial term', problems);
  const options = readMonthsList(v.extensionOptionsMonths, 'extensionOptionsMonths', problems);
  const taken = Number(v.extensionsTaken.trim() || '0');
  const takenIsWhole = /^\d{1,2}$/.test(v.extensionsTaken.trim() || '0');
  if (!takenIsWhole)
    problems.push({ field: 'extensionsTaken', message: 'Extensions already taken must be a whole number' });
  const notice = Number(v.noticePeriodMonths.trim());
  const noticeIsWhole = /^\d{1,3}$/.test(v.noticePeriodMonths.trim());
  if (!noticeIsWhole || notice > 24)
    problems.push({
      field: 'noticePeriodMonths',
      message: noticeIsWhole
        ? 'Notice period must be 24 months or less'
        : 'Notice period must be a whole number of months from 0 to 24',
    });
  const breakDates = readDateList(v.breakClauseDates, 'breakClauseDates', problems);
  // The term's own checks, as the API makes them, on what could be read: every problem in one go.
  if (start && end) {
    const term = {
      startDate: start,
      initialEndDate: end,
      extensionOptionsMonths: options,
      extensionsTaken: takenIsWhole ? taken : 0,
      noticePeriodMonths: noticeIsWhole ? notice : 3,
      breakClauseDates: breakDates,
    };
    for (const p of termProblems(term))
      if (!problems.some((q) => q.field === p.field || q.field === `${p.field}-day`))
        problems.push({ field: p.field === 'initialEndDate' ? 'initialEndDate-day' : p.field, message: p.message });
  }
  // The API's date bounds (issue 13: a start on 1 April 1900 passed the form) and its check that the two money
  // figures agree with the term, with everything else.
  problems.push(
    ...domainProblems(
      contractDates,
      { startDate: start ?? undefined, initialEndDate: end ?? undefined },
      { startDate: 'startDate-day', initialEndDate: 'initialEndDate-day' },
      problems,
    ),
  );
  if (total !== null && annual !== null && start && end)
    for (const p of valueProblems({
      totalValuePence: total,
      annualValuePence: annual,
      startDate: start,
      initialEndDate: end,
    }))
      if (!problems.some((q) => q.field === p.field)) problems.push(p);
  problems.sort((a, b) => FIELD_ORDER.indexOf(baseField(a.field)) - FIELD_ORDER.indexOf(baseField(b.field)));
  return {
    problems,
    body: {
      reference: v.reference.trim(),
      title: v.title.trim(),
      providerId: v.providerId || null,
      locationId: v.locationId || null,
      serviceArea: v.serviceArea,
      careGroup: v.careGroup,
      contractForm: v.contractForm,
      fundingSource: v.fundingSource,
      totalValuePence: total,
      annualValuePence: annual,
      startDate: start,
      initialEndDate: end,
      extensionOptionsMonths: options,
      extensionsTaken: taken,
      breakClauseDates: breakDates,
      noticePeriodMonths: notice,
      socialValue: v.socialValue.trim() || null,
      leadOfficer: v.leadOfficer.trim() || null,
    },
  };
}
