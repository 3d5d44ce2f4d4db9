// Packing the flow metrics' inputs for a worker thread loses nothing: unpacked records equal the ones packed.
import { describe, expect, it } from 'vitest';
import type { FlowRecord, ProviderResponseRecord } from '../../domain/discharge/metrics.js';
import { buffersOf, packFlowRecords, packResponses, unpackFlowRecords, unpackResponses } from './flowPacking.js';

const at = (iso: string) => new Date(iso);

const records: FlowRecord[] = [
  {
    referralId: '0b6f9a3e-1111-4a7b-9c1d-000000000001',
    pathway: 1,
    referredAt: at('2025-03-30T00:30:00.123Z'),
    medicallyOptimisedAt: at('2025-03-30T01:30:00Z'),
    requestSentAt: at('2025-03-30T09:00:00Z'),
    firstOfferAt: at('2025-03-30T11:15:00Z'),
    awardedAt: at('2025-03-31T08:00:00Z'),
    dischargedAt: at('2025-04-01T14:00:00Z'),
    cancelledAt: null,
    destination: 'usual_residence',
    delays: [
      { reason: 'awaiting_homecare', from: at('2025-03-30T12:00:00Z'), to: at('2025-03-31T12:00:00Z') },
      { reason: 'awaiting_equipment', from: at('2025-03-31T12:00:00Z'), to: null },
    ],
  },
  {
    referralId: '0b6f9a3e-1111-4a7b-9c1d-000000000002',
    pathway: 0,
    referredAt: at('2024-12-31T23:59:59.999Z'),
    medicallyOptimisedAt: at('2025-01-01T00:00:00Z'),
    requestSentAt: null,
    firstOfferAt: null,
    awardedAt: null,
    dischargedAt: null,
    cancelledAt: at('2025-01-02T10:00:00Z'),
    destination: null,
    delays: [],
  },
  {
    referralId: '0b6f9a3e-1111-4a7b-9c1d-000000000003',
    pathway: 3,
    referredAt: at('2025-06-01T10:00:00Z'),
    medicallyOptimisedAt: at('2025-06-02T10:00:00Z'),
    requestSentAt: null,
    firstOfferAt: null,
    awardedAt: null,
    dischargedAt: null,
    cancelledAt: null,
    destination: 'care_home',
    delays: [{ reason: 'awaiting_homecare', from: at('2025-06-02T10:00:00Z'), to: null }],
  },
];

const responses: ProviderResponseRecord[] = [
  {
    referralId: records[0].referralId,
    providerId: 'p-1',
    providerName: 'Oak "House" Care\nLtd',
    sentAt: at('2025-03-30T09:00:00Z'),
    respondedAt: at('2025-03-30T11:15:00Z'),
    response: 'offer',
    awarded: true,
  },
  {
    referralId: records[0].referralId,
    providerId: 'p-2',
    providerName: 'Elm Lodge',
    sentAt: at('2025-03-30T09:00:00Z'),
    respondedAt: at('2025-03-30T10:00:00Z'),
    response: 'decline',
    awarded: false,
  },
  {
    referralId: records[2].referralId,
    providerId: 'p-1',
    providerName: 'Oak "House" Care\nLtd',
    sentAt: at('2025-06-02T11:00:00Z'),
    respondedAt: null,
    response: null,
    awarded: false,
  },
];

describe('packing the flow metrics inputs', () => {
  it('gives back the records packed, field for field (nulls, delays, none)', () => {
    expect(unpackFlowRecords(packFlowRecords(records))).toEqual(records);
    expect(unpackFlowRecords(packFlowRecords([]))).toEqual([]);
  });

  it('gives back the responses packed, field for field', () => {
    expect(unpackResponses(packResponses(responses))).toEqual(responses);
    expect(unpackResponses(packResponses([]))).toEqual([]);
  });

  it('stores repeated strings once', () => {
    const packed = packResponses(responses);
    expect(JSON.parse(packed.providerNames.table)).toEqual(['Oak "House" Care\nLtd', 'Elm Lodge']);
    expect(Array.from(packed.providerNames.index)).toEqual([0, 1, 0]);
  });

  it('survives the copy to a thread, its arrays transferred', () => {
    const packed = packFlowRecords(records);
    const copy = structuredClone(packed, { transfer: buffersOf(packed) });
    expect(packed.times.length).toBe(0); // handed over, not copied
    expect(unpackFlowRecords(copy)).toEqual(records);
  });
});
