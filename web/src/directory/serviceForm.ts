// The directory entry form: the fields a curator or a suggester fills in, read from and written back into an ORUK
// service record. Parts of the record the form does not show (other taxonomies' terms, extra schedules, contacts,
// languages, accessibility) are kept as they were. Pure, so it is unit-tested.
import type { SummaryError } from '../components';
import type { OrukServiceView, SearchOptionNeed, Weekday } from './types';
import { WEEKDAYS } from './types';
import { BOUNDS } from '../../../src/domain/core/bounds';
import { rangeMessage } from '../../../src/domain/core/messages';

export interface ServiceFormValues {
  name: string;
  description: string;
  status: OrukServiceView['status'];
  organisationName: string;
  charityNumber: string;
  companyNumber: string;
  url: string;
  email: string;
  phone: string;
  fees: string;
  /** Pounds, as typed ("3.50"); blank for free. */
  cost: string;
  eligibility: string;
  minimumAge: string;
  maximumAge: string;
  /** Term ids of the community needs taxonomy. */
  needs: string[];
  days: Weekday[];
  opensAt: string;
  closesAt: string;
  scheduleNote: string;
  venueName: string;
  address1: string;
  town: string;
  postcode: string;
  /** '' (not reported), 'yes' or 'no'. */
  takingReferrals: '' | 'yes' | 'no';
  waitingDays: string;
}

type Identifier = NonNullable<NonNullable<OrukServiceView['organization']>['organization_identifiers']>[number];

function identifier(service: OrukServiceView | null, kind: 'charity' | 'company'): Identifier | undefined {
  return service?.organization?.organization_identifiers?.find((i) =>
    kind === 'charity'
      ? i.identifier_scheme === 'GB-CHC' || /charit/i.test(i.identifier_type)
      : i.identifier_scheme === 'GB-COH' || /compan/i.test(i.identifier_type),
  );
}

/** The form's values for an existing record, or blank values for a new entry. */
export function formValuesOf(service: OrukServiceView | null, needIds: readonly string[]): ServiceFormValues {
  const schedule = service?.schedules?.[0];
  const location = service?.service_at_locations?.[0]?.location;
  const address = location?.addresses?.[0];
  const cost = service?.cost_options?.find((c) => (c.amount ?? 0) > 0);
  const days = (schedule?.byday ?? '')
    .split(',')
    .map((d) => d.trim().slice(-2).toUpperCase())
    .filter((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d));
  return {
    name: service?.name ?? '',
    description: service?.description ?? '',
    status: service?.status ?? 'active',
    organisationName: service?.organization?.name ?? '',
    charityNumber: identifier(service, 'charity')?.identifier ?? '',
    companyNumber: identifier(service, 'company')?.identifier ?? '',
    url: service?.url ?? '',
    email: service?.email ?? '',
    phone: service?.phones?.[0]?.number ?? '',
    fees: service?.fees ?? '',
    cost: cost?.amount !== undefined ? cost.amount.toFixed(2) : '',
    eligibility: service?.eligibility_description ?? '',
    minimumAge: service?.minimum_age !== undefined ? String(service.minimum_age) : '',
    maximumAge: service?.maximum_age !== undefined ? String(service.maximum_age) : '',
    needs: (service?.attributes ?? []).map((a) => a.taxonomy_term.id).filter((id) => needIds.includes(id)),
    days,
    opensAt: schedule?.opens_at?.slice(0, 5) ?? '',
    closesAt: schedule?.closes_at?.slice(0, 5) ?? '',
    scheduleNote: schedule?.description ?? '',
    venueName: location?.name ?? '',
    address1: address?.address_1 ?? '',
    town: address?.city ?? '',
    postcode: address?.postal_code ?? '',
    takingReferrals:
      service?.steward_capacity === undefined ? '' : service.steward_capacity.taking_referrals ? 'yes' : 'no',
    waitingDays:
      service?.steward_capacity?.waiting_time_days !== undefined
        ? String(service.steward_capacity.waiting_time_days)
        : '',
  };
}

const TIME = /^([01]?[0-9]|2[0-3]):[0-5][0-9]$/;
const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;

/** What the browser can check before sending (the server checks the whole record again). */
export function validateForm(v: ServiceFormValues): SummaryError[] {
  const errors: SummaryError[] = [];
  if (!v.name.trim()) errors.push({ field: 'name', message: 'Enter the name of the service' });
  if (!v.organisationName.trim())
    errors.push({ field: 'organisationName', message: 'Enter the organisation that runs the service' });
  if (v.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim()))
    errors.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' });
  if (v.url.trim() && !/^https?:\/\/\S+$/.test(v.url.trim()))
    errors.push({ field: 'url', message: 'Enter a website address starting http:// or https://' });
  if (v.cost.trim() && !/^\d+(\.\d{1,2})?$/.test(v.cost.trim()))
    errors.push({ field: 'cost', message: 'Enter the cost in pounds, like 3.50, or leave it blank if it is free' });
  for (const [field, label] of [
    ['minimumAge', 'Minimum age'],
    ['maximumAge', 'Maximum age'],
  ] as const)
    if (v[field].trim() && !wholeWithin(v[field], BOUNDS.personAge))
      errors.push({ field, message: rangeMessage(label, BOUNDS.personAge, { whole: true, unit: 'years' }) });
  if (
    wholeWithin(v.minimumAge, BOUNDS.personAge) &&
    wholeWithin(v.maximumAge, BOUNDS.personAge) &&
    Number(v.maximumAge) < Number(v.minimumAge)
  )
    errors.push({ field: 'maximumAge', message: 'Maximum age must be the same as or more than the minimum age' });
  if (v.opensAt && !TIME.test(v.opensAt))
    errors.push({ field: 'opensAt', message: 'Enter an opening time like 09:30' });
  if (v.closesAt && !TIME.test(v.closesAt))
    errors.push({ field: 'closesAt', message: 'Enter a closing time like 17:00' });
  if (v.postcode.trim() && !POSTCODE.test(v.postcode.trim()))
    errors.push({ field: 'postcode', message: 'Enter a real postcode, like EB4 2QT' });
  if ((v.address1.trim() || v.venueName.trim()) && !v.postcode.trim())
    errors.push({ field: 'postcode', message: 'Enter the postcode of the venue' });
  if (v.waitingDays.trim() && !wholeWithin(v.waitingDays, BOUNDS.serviceWaitDays))
    errors.push({
      field: 'waitingDays',
      message: rangeMessage('Waiting time', BOUNDS.serviceWaitDays, { whole: true, unit: 'days' }),
    });
  return errors;
}

/** True when `text` is a whole number (digits only) within `range`. */
function wholeWithin(text: string, range: { min: number; max: number }): boolean {
  const t = text.trim();
  return /^\d+$/.test(t) && Number(t) >= range.min && Number(t) <= range.max;
}

function orBlank(value: string): string | undefined {
  return value.trim() ? value.trim() : undefined;
}

/**
 * The record with the form's values written in (new parts without ids: the server gives them ids). `needs` lists
 * the community needs taxonomy's terms, so chosen needs carry their full term.
 */
export function applyForm(
  base: OrukServiceView | null,
  v: ServiceFormValues,
  needs: readonly SearchOptionNeed[],
): Record<string, unknown> {
  const needIds = new Set(needs.map((n) => n.termId));
  const org = base?.organization;
  const identifiers = (org?.organization_identifiers ?? []).filter(
    (i) => i !== identifier(base, 'charity') && i !== identifier(base, 'company'),
  );
  if (v.charityNumber.trim())
    identifiers.push({
      ...(identifier(base, 'charity') ?? {}),
      identifier_scheme: 'GB-CHC',
      identifier_type: 'Charity number',
      identifier: v.charityNumber.trim(),
    } as Identifier);
  if (v.companyNumber.trim())
    identifiers.push({
      ...(identifier(base, 'company') ?? {}),
      identifier_scheme: 'GB-COH',
      identifier_type: 'Company number',
      identifier: v.companyNumber.trim(),
    } as Identifier);
  const schedule = base?.schedules?.[0];
  const sal = base?.service_at_locations?.[0];
  const location = sal?.location;
  const address = location?.addresses?.[0];
  const hasPlace = v.venueName.trim() || v.address1.trim() || v.postcode.trim();
  const cost = base?.cost_options?.find((c) => (c.amount ?? 0) > 0);
  return {
    ...(base ?? {}),
    name: v.name.trim(),
    description: orBlank(v.description),
    status: v.status,
    url: orBlank(v.url),
    email: orBlank(v.email),
    fees: orBlank(v.fees),
    eligibility_description: orBlank(v.eligibility),
    minimum_age: v.minimumAge.trim() ? Number(v.minimumAge) : undefined,
    maximum_age: v.maximumAge.trim() ? Number(v.maximumAge) : undefined,
    organization: {
      ...(org ?? { description: '' }),
      name: v.organisationName.trim(),
      organization_identifiers: identifiers,
    },
    phones: v.phone.trim()
      ? [{ ...(base?.phones?.[0] ?? {}), number: v.phone.trim() }, ...(base?.phones?.slice(1) ?? [])]
      : (base?.phones?.slice(1) ?? []),
    cost_options: v.cost.trim()
      ? [
          { ...(cost ?? { option: 'Standard', currency: 'GBP' }), amount: Number(v.cost) },
          ...(base?.cost_options ?? []).filter((c) => c !== cost),
        ]
      : (base?.cost_options ?? []).filter((c) => !((c.amount ?? 0) > 0)),
    schedules: v.days.length
      ? [
          {
            ...(schedule ?? {}),
            freq: 'WEEKLY',
            byday: v.days.join(','),
            opens_at: v.opensAt ? `${v.opensAt}:00` : undefined,
            closes_at: v.closesAt ? `${v.closesAt}:00` : undefined,
            description: orBlank(v.scheduleNote),
          },
          ...(base?.schedules?.slice(1) ?? []),
        ]
      : (base?.schedules?.slice(1) ?? []),
    service_at_locations: hasPlace
      ? [
          {
            ...(sal ?? {}),
            location: {
              ...(location ?? { location_type: 'physical' }),
              name: orBlank(v.venueName),
              addresses: [
                {
                  ...(address ?? { state_province: '', country: 'GB', address_type: 'physical' }),
                  address_1: v.address1.trim() || v.venueName.trim(),
                  city: v.town.trim(),
                  postal_code: v.postcode.trim().toUpperCase(),
                },
                ...(location?.addresses?.slice(1) ?? []),
              ],
            },
          },
          ...(base?.service_at_locations?.slice(1) ?? []),
        ]
      : (base?.service_at_locations?.slice(1) ?? []),
    attributes: [
      ...(base?.attributes ?? []).filter(
        (a) => !needIds.has(a.taxonomy_term.id) || v.needs.includes(a.taxonomy_term.id),
      ),
      ...needs
        .filter(
          (n) => v.needs.includes(n.termId) && !(base?.attributes ?? []).some((a) => a.taxonomy_term.id === n.termId),
        )
        .map((n) => ({
          link_type: 'service',
          taxonomy_term_id: n.termId,
          taxonomy_term: { id: n.termId, name: n.name, description: n.description, term: n.code },
        })),
    ],
    steward_capacity:
      v.takingReferrals === ''
        ? undefined
        : {
            taking_referrals: v.takingReferrals === 'yes',
            waiting_time_days: v.waitingDays.trim() ? Number(v.waitingDays) : undefined,
            updated: new Date().toISOString(),
          },
    last_modified: undefined,
  };
}
