// A location record of the CQC public API (`GET /public/v1/locations/{id}`), as the API returns it, turned into
// the market's location: registered beds, the overall and key-question ratings with their report dates,
// coordinates, ODS code and registration status. The directory CSV carries none of these.
// Field names and shapes: CQC Syndication API documentation (api.service.cqc.org.uk/public/v1).
import { parseDateText } from '../core/dates.js';
import { localAuthorityGss, mapServiceTypes, mapSpecialisms, type CqcLocation } from './cqc.js';
import { CQC_RATINGS, normalisePostcode, postcodeDistrict, type CqcRating, type Specialism } from './types.js';

export const KEY_QUESTIONS = ['safe', 'effective', 'caring', 'responsive', 'wellLed'] as const;
export type KeyQuestion = (typeof KEY_QUESTIONS)[number];
const KEY_QUESTION_NAMES: Record<string, KeyQuestion> = {
  safe: 'safe',
  effective: 'effective',
  caring: 'caring',
  responsive: 'responsive',
  'well-led': 'wellLed',
  'well led': 'wellLed',
};

/** A rating with the date of the report that gave it (ISO). Ratings other than the four CQC grades are kept as text. */
export interface DatedRating {
  rating: string;
  date: string | null;
}

export interface CqcApiLocation extends CqcLocation {
  registeredBeds: number | null;
  /** Outstanding | Good | Requires improvement | Inadequate, or null (not yet rated, or "Inspected but not rated"). */
  cqcRating: CqcRating | null;
  cqcRatingDate: string | null;
  keyQuestionRatings: Partial<Record<KeyQuestion, DatedRating>>;
  lat: number | null;
  lng: number | null;
  odsCode: string | null;
  registeredAt: string | null;
  /** ISO date the location was deregistered, or null while registered. */
  deregisteredAt: string | null;
}

export interface CqcApiIssue {
  line: number;
  field: string;
  message: string;
}

export type CqcApiRecordResult =
  | { kind: 'location'; location: CqcApiLocation }
  | { kind: 'provider'; cqcProviderId: string; name: string }
  | { kind: 'skipped' }
  | { kind: 'invalid'; issues: CqcApiIssue[] };

const ID_RE = /^1-\d{5,}$/;
const AGE_BANDS = new Set<Specialism>(['older_people', 'younger_adults', 'children']);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  return null;
};
const names = (v: unknown): string[] =>
  Array.isArray(v) ? v.flatMap((x) => (isObject(x) && typeof x.name === 'string' ? [x.name] : [])) : [];

/**
 * Reads one record. Provider records (organisationType "Provider") give provider names; records for services
 * outside adult social care (GP practices, hospitals, dentists…) are skipped; a location with a wrong field is
 * invalid, with every wrong field named (`field` is the API's JSON path, e.g. `currentRatings.overall.rating`).
 */
export function parseCqcApiRecord(record: unknown, line: number): CqcApiRecordResult {
  const issues: CqcApiIssue[] = [];
  const fail = (field: string, message: string) => issues.push({ line, field, message });
  if (!isObject(record))
    return { kind: 'invalid', issues: [{ line, field: 'record', message: 'is not a JSON object' }] };
  if (record.organisationType === 'Provider') {
    const id = text(record.providerId);
    const name = text(record.name);
    if (!id || !ID_RE.test(id)) fail('providerId', `"${id ?? ''}" is not a CQC provider ID (1-…)`);
    if (!name) fail('name', 'is empty');
    return issues.length ? { kind: 'invalid', issues } : { kind: 'provider', cqcProviderId: id!, name: name! };
  }
  const serviceTypes = mapServiceTypes(names(record.gacServiceTypes));
  const socialCare = record.type === 'Social Care Org' || record.careHome === 'Y' || serviceTypes.length > 0;
  if (!socialCare) return { kind: 'skipped' };

  const id = text(record.locationId);
  if (!id || !ID_RE.test(id)) fail('locationId', `"${id ?? ''}" is not a CQC location ID (1- and digits)`);
  const providerId = text(record.providerId);
  if (!providerId || !ID_RE.test(providerId)) fail('providerId', `"${providerId ?? ''}" is not a CQC provider ID`);
  const name = text(record.name);
  if (!name) fail('name', 'is empty');

  const date = (field: string, v: unknown): string | null => {
    const raw = text(v);
    if (raw === null) return null;
    const d = parseDateText(raw);
    if (!d) fail(field, `"${raw}" is not a date`);
    return d;
  };

  let registeredBeds: number | null = null;
  if (record.numberOfBeds !== undefined && record.numberOfBeds !== null && record.numberOfBeds !== '') {
    const n = Number(record.numberOfBeds);
    if (!Number.isInteger(n) || n < 0) fail('numberOfBeds', `"${String(record.numberOfBeds)}" is not a number of beds`);
    else registeredBeds = n;
  }

  const coordinate = (field: string, v: unknown, min: number, max: number): number | null => {
    if (v === undefined || v === null || v === '') return null;
    const n = Number(v);
    if (!Number.isFinite(n) || n < min || n > max) {
      fail(field, `"${String(v)}" is not between ${min} and ${max}`);
      return null;
    }
    return n;
  };
  const lat = coordinate('onspdLatitude', record.onspdLatitude, 49, 61);
  const lng = coordinate('onspdLongitude', record.onspdLongitude, -9, 3);

  // Ratings: currentRatings.overall.{rating, reportDate, keyQuestionRatings[{name, rating, reportDate}]}.
  let cqcRating: CqcRating | null = null;
  let cqcRatingDate: string | null = null;
  const keyQuestionRatings: Partial<Record<KeyQuestion, DatedRating>> = {};
  const current = record.currentRatings;
  if (current !== undefined && current !== null && !isObject(current)) fail('currentRatings', 'is not an object');
  const overall = isObject(current) ? current.overall : undefined;
  if (isObject(overall)) {
    const rating = text(overall.rating);
    const reportDate = date('currentRatings.overall.reportDate', overall.reportDate ?? (current as Json).reportDate);
    if (rating && (CQC_RATINGS as readonly string[]).includes(rating)) {
      cqcRating = rating as CqcRating;
      cqcRatingDate = reportDate;
    }
    const kqs = overall.keyQuestionRatings;
    if (kqs !== undefined && !Array.isArray(kqs)) fail('currentRatings.overall.keyQuestionRatings', 'is not a list');
    for (const [i, kq] of (Array.isArray(kqs) ? kqs : []).entries()) {
      const field = `currentRatings.overall.keyQuestionRatings[${i}]`;
      if (!isObject(kq)) {
        fail(field, 'is not an object');
        continue;
      }
      const key = KEY_QUESTION_NAMES[String(kq.name ?? '').toLowerCase()];
      if (!key) {
        fail(
          `${field}.name`,
          `"${String(kq.name)}" is not a key question (Safe, Effective, Caring, Responsive, Well-led)`,
        );
        continue;
      }
      const r = text(kq.rating);
      if (r) keyQuestionRatings[key] = { rating: r, date: date(`${field}.reportDate`, kq.reportDate) ?? reportDate };
    }
  }

  const status = text(record.registrationStatus);
  if (status && status !== 'Registered' && status !== 'Deregistered')
    fail('registrationStatus', `"${status}" is not Registered or Deregistered`);
  const deregistrationDate = date('deregistrationDate', record.deregistrationDate);
  if (status === 'Deregistered' && !deregistrationDate)
    fail('deregistrationDate', 'is missing for a deregistered location');
  const registeredAt = date('registrationDate', record.registrationDate);
  const lastInspection = isObject(record.lastInspection)
    ? date('lastInspection.date', record.lastInspection.date)
    : null;

  const postcode = normalisePostcode(text(record.postalCode) ?? '');
  const address = [
    record.postalAddressLine1,
    record.postalAddressLine2,
    record.postalAddressTownCity,
    record.postalAddressCounty,
  ]
    .map(text)
    .filter(Boolean)
    .join(', ');
  const la = text(record.localAuthority) ?? '';
  const all = mapSpecialisms(names(record.specialisms));
  if (issues.length) return { kind: 'invalid', issues };
  return {
    kind: 'location',
    location: {
      line,
      cqcLocationId: id!,
      cqcProviderId: providerId!,
      providerName: '',
      name: name!,
      alsoKnownAs: text(record.alsoKnownAs),
      address,
      postcode,
      postcodeDistrict: postcode ? postcodeDistrict(postcode) : '',
      phone: text(record.mainPhoneNumber),
      website: text(record.website),
      locationUrl: `https://www.cqc.org.uk/location/${id}`,
      localAuthorityName: la,
      localAuthorityGss: la ? localAuthorityGss(la) : null,
      region: text(record.region),
      serviceTypes,
      specialisms: all.filter((s) => !AGE_BANDS.has(s)),
      serviceUserBands: all.filter((s) => AGE_BANDS.has(s)),
      cqcLastCheck: lastInspection,
      registeredBeds,
      cqcRating,
      cqcRatingDate,
      keyQuestionRatings,
      lat,
      lng,
      odsCode: text(record.odsCode),
      registeredAt,
      deregisteredAt: status === 'Deregistered' ? deregistrationDate : null,
    },
  };
}
