import { formatMultiplier, formatNumber, formatPercent } from '../core/format.js';
import { type Service, SERVICE_UNITS } from './rates.js';

/** Today's supply of a service from the market register. */
export interface ServiceSupply {
  service: Service;
  /** Beds, homecare hours a week, or units available today. */
  capacity: number;
  /** Beds/units occupied (or hours delivered) today across the whole market, when known. */
  inUseToday: number | null;
}

export interface GapInput {
  service: Service;
  years: readonly number[];
  baseYear: number;
  /** Projected clients of the service (council-supported), one per year. */
  clients: readonly number[];
  /** Beds/units per client (1) or homecare hours a week per client. */
  unitsPerClient: number;
  supply: ServiceSupply;
  /** Share of capacity that can be used in practice (e.g. 0.95 for care home beds). */
  targetOccupancy: number;
}

export interface GapRow {
  year: number;
  clients: number;
  /** Beds/hours/units in use across the market, grown with the clients. */
  inUse: number;
  /** Capacity needed to keep use at the target occupancy. */
  required: number;
  capacity: number;
  /** required − capacity: positive means a shortfall. */
  gap: number;
}

export interface GapResult {
  service: Service;
  unit: string;
  rows: GapRow[];
  /** First year from the base year on in which the capacity needed exceeds today's capacity. */
  crossingYear: number | null;
  /** Shortfall already in the base year. */
  shortToday: boolean;
  /** Market use ÷ council clients' use in the base year (self-funders and other councils). */
  marketFactor: number;
  note: string;
}

/**
 * Supply gap: today's market use grows in step with projected clients; the capacity needed is that
 * use divided by the target occupancy; the gap is needed minus today's capacity. The crossing year is
 * when capacity runs out at the target occupancy, with supply held at today's level.
 */
export function supplyGap(input: GapInput): GapResult {
  const bi = input.years.indexOf(input.baseYear);
  if (bi < 0) throw new Error(`the base year ${input.baseYear} is not among the projected years`);
  if (!(input.targetOccupancy > 0 && input.targetOccupancy <= 1))
    throw new Error('target occupancy must be more than 0 and at most 1');
  const baseClients = input.clients[bi];
  const baseUse = baseClients * input.unitsPerClient;
  const marketFactor = input.supply.inUseToday !== null && baseUse > 0 ? input.supply.inUseToday / baseUse : 1;
  const rows: GapRow[] = input.years.map((year, i) => {
    const inUse = input.clients[i] * input.unitsPerClient * marketFactor;
    const required = inUse / input.targetOccupancy;
    return {
      year,
      clients: input.clients[i],
      inUse,
      required,
      capacity: input.supply.capacity,
      gap: required - input.supply.capacity,
    };
  });
  const crossing = rows.find((r) => r.year >= input.baseYear && r.gap > 0);
  const unit = SERVICE_UNITS[input.service];
  const note =
    input.supply.inUseToday !== null
      ? `Market use today ${whole(input.supply.inUseToday)} ${unit} (council clients' use ${formatMultiplier(marketFactor)}) grows with projected clients; needed = use ÷ ${formatPercent(input.targetOccupancy * 100, 0)} target occupancy; capacity held at today's ${whole(input.supply.capacity)} ${unit}.`
      : `Use = projected clients × ${formatNumber(input.unitsPerClient)} ${unit} per client; needed = use ÷ ${formatPercent(input.targetOccupancy * 100, 0)} target occupancy; capacity held at today's ${whole(input.supply.capacity)} ${unit}.`;
  return {
    service: input.service,
    unit,
    rows,
    crossingYear: crossing ? crossing.year : null,
    shortToday: rows[bi].gap > 0,
    marketFactor,
    note,
  };
}

/** Beds, hours or units in prose: whole, with thousands separators (20448.8 → "20,449"). */
function whole(v: number): string {
  return formatNumber(Math.round(v));
}
