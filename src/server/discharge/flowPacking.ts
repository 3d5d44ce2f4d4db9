// The flow metrics' inputs packed into a few typed arrays and strings for the trip to a worker thread
// (computePool.ts). Copying twenty thousand small objects with Dates to a thread (structured clone) holds the
// event loop for a hundred milliseconds or more; these arrays are handed over without a copy (transferred) and
// the strings copy in one piece. Unpacking gives back records equal to the ones packed, field for field.
import type { FlowRecord, ProviderResponseRecord } from '../../domain/discharge/metrics.js';
import type { DelayReason, Destination, Pathway } from '../../domain/discharge/referral.js';

/** Strings as indexes into a table of the distinct values (JSON, so it crosses as one string); -1 is null. */
interface Dictionary {
  table: string;
  index: Int32Array;
}

function dictionary(values: Iterable<string | null>, count: number): Dictionary {
  const ids = new Map<string, number>();
  const index = new Int32Array(count);
  let i = 0;
  for (const v of values) {
    if (v === null) index[i++] = -1;
    else {
      let id = ids.get(v);
      if (id === undefined) ids.set(v, (id = ids.size));
      index[i++] = id;
    }
  }
  return { table: JSON.stringify([...ids.keys()]), index };
}

function lookup(d: Dictionary): (i: number) => string | null {
  const table = JSON.parse(d.table) as string[];
  return (i) => (d.index[i] < 0 ? null : table[d.index[i]]);
}

/** A time as milliseconds since the epoch; NaN for none. */
const ms = (d: Date | null): number => (d === null ? NaN : d.getTime());
const date = (t: number): Date | null => (Number.isNaN(t) ? null : new Date(t));

const RECORD_TIMES = [
  'referredAt',
  'medicallyOptimisedAt',
  'requestSentAt',
  'firstOfferAt',
  'awardedAt',
  'dischargedAt',
  'cancelledAt',
] as const;

/** FlowRecord[] as columns: ids, pathways, times (RECORD_TIMES per record), destinations and delays. */
export interface PackedFlowRecords {
  count: number;
  referralIds: Dictionary;
  pathways: Uint8Array;
  times: Float64Array;
  destinations: Dictionary;
  /** Delays per record, then each delay's reason and its from and to times. */
  delayCounts: Uint32Array;
  delayReasons: Dictionary;
  delayTimes: Float64Array;
}

/** ProviderResponseRecord[] as columns; `responses` is 0 none, 1 offer, 2 decline. */
export interface PackedResponses {
  count: number;
  referralIds: Dictionary;
  providerIds: Dictionary;
  providerNames: Dictionary;
  times: Float64Array;
  responses: Uint8Array;
  awarded: Uint8Array;
}

/** Packs flow records (see PackedFlowRecords); unpackFlowRecords gives them back. */
export function packFlowRecords(records: readonly FlowRecord[]): PackedFlowRecords {
  const n = records.length;
  const pathways = new Uint8Array(n);
  const times = new Float64Array(n * RECORD_TIMES.length);
  const delayCounts = new Uint32Array(n);
  const delayTotal = records.reduce((sum, r) => sum + r.delays.length, 0);
  const delayTimes = new Float64Array(delayTotal * 2);
  let d = 0;
  records.forEach((r, i) => {
    pathways[i] = r.pathway;
    RECORD_TIMES.forEach((k, j) => (times[i * RECORD_TIMES.length + j] = ms(r[k])));
    delayCounts[i] = r.delays.length;
    for (const delay of r.delays) {
      delayTimes[d * 2] = ms(delay.from);
      delayTimes[d * 2 + 1] = ms(delay.to);
      d++;
    }
  });
  return {
    count: n,
    referralIds: dictionary(
      records.map((r) => r.referralId),
      n,
    ),
    pathways,
    times,
    destinations: dictionary(
      records.map((r) => r.destination),
      n,
    ),
    delayCounts,
    delayReasons: dictionary(
      records.flatMap((r) => r.delays.map((x) => x.reason)),
      delayTotal,
    ),
    delayTimes,
  };
}

/** The records packFlowRecords packed, equal field for field. */
export function unpackFlowRecords(p: PackedFlowRecords): FlowRecord[] {
  const id = lookup(p.referralIds);
  const destination = lookup(p.destinations);
  const reason = lookup(p.delayReasons);
  const out: FlowRecord[] = [];
  const w = RECORD_TIMES.length;
  let d = 0;
  for (let i = 0; i < p.count; i++) {
    const delays: FlowRecord['delays'][number][] = [];
    for (let k = 0; k < p.delayCounts[i]; k++, d++)
      delays.push({
        reason: reason(d) as DelayReason,
        from: date(p.delayTimes[d * 2])!,
        to: date(p.delayTimes[d * 2 + 1]),
      });
    out.push({
      referralId: id(i)!,
      pathway: p.pathways[i] as Pathway,
      referredAt: date(p.times[i * w])!,
      medicallyOptimisedAt: date(p.times[i * w + 1])!,
      requestSentAt: date(p.times[i * w + 2]),
      firstOfferAt: date(p.times[i * w + 3]),
      awardedAt: date(p.times[i * w + 4]),
      dischargedAt: date(p.times[i * w + 5]),
      cancelledAt: date(p.times[i * w + 6]),
      destination: destination(i) as Destination | null,
      delays,
    });
  }
  return out;
}

const RESPONSE_CODES = { none: 0, offer: 1, decline: 2 } as const;

/** Packs provider responses (see PackedResponses); unpackResponses gives them back. */
export function packResponses(responses: readonly ProviderResponseRecord[]): PackedResponses {
  const n = responses.length;
  const times = new Float64Array(n * 2);
  const codes = new Uint8Array(n);
  const awarded = new Uint8Array(n);
  responses.forEach((r, i) => {
    times[i * 2] = ms(r.sentAt);
    times[i * 2 + 1] = ms(r.respondedAt);
    codes[i] = RESPONSE_CODES[r.response ?? 'none'];
    awarded[i] = r.awarded ? 1 : 0;
  });
  return {
    count: n,
    referralIds: dictionary(
      responses.map((r) => r.referralId),
      n,
    ),
    providerIds: dictionary(
      responses.map((r) => r.providerId),
      n,
    ),
    providerNames: dictionary(
      responses.map((r) => r.providerName),
      n,
    ),
    times,
    responses: codes,
    awarded,
  };
}

/** The responses packResponses packed, equal field for field. */
export function unpackResponses(p: PackedResponses): ProviderResponseRecord[] {
  const referralId = lookup(p.referralIds);
  const providerId = lookup(p.providerIds);
  const providerName = lookup(p.providerNames);
  const out: ProviderResponseRecord[] = [];
  for (let i = 0; i < p.count; i++)
    out.push({
      referralId: referralId(i)!,
      providerId: providerId(i)!,
      providerName: providerName(i)!,
      sentAt: date(p.times[i * 2])!,
      respondedAt: date(p.times[i * 2 + 1]),
      response: p.responses[i] === 1 ? 'offer' : p.responses[i] === 2 ? 'decline' : null,
      awarded: p.awarded[i] === 1,
    });
  return out;
}

/** The typed arrays' buffers, to transfer (not copy) to a worker thread. */
export function buffersOf(p: PackedFlowRecords | PackedResponses): ArrayBuffer[] {
  return Object.values(p)
    .flatMap((v: unknown) =>
      ArrayBuffer.isView(v) ? [v] : v && typeof v === 'object' && 'index' in v ? [v.index] : [],
    )
    .map((v) => (v as ArrayBufferView).buffer as ArrayBuffer);
}
