// Headline market figures for the home dashboard (GET /api/dashboard), for the council's own borough.
import { londonDate } from '../../domain/core/dates.js';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.js';
import { cachedByVersion } from '../core/versions.js';
import { capacitySummary, priceSummary } from './dashboard.js';

export interface MarketHeadlines {
  careHomes: number;
  registeredBeds: number;
  occupancy: number | null;
  vacantAccepting: number;
  homecareAgencies: number;
  homecareHoursPerWeek: number;
  activePlacements: number;
  meanNewPlacementPricePence: number | null;
  meanNewPlacementPriceChange: number | null;
  staleHomes: number;
}

/** Headlines for in-borough locations (placements: all active council placements, wherever they are). */
export async function marketHeadlines(db: Db, now = new Date()): Promise<MarketHeadlines> {
  const f = { inBorough: true };
  const [cap, prices, active] = await Promise.all([
    capacitySummary(db, f, now),
    priceSummary(db, f, now, 2),
    // Active placements change only with the market data and the London date: cached per market version and date.
    cachedByVersion(db, 'market', `active-placements|${londonDate(now)}`, () =>
      queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from placements where start_date <= ${londonDate(now)}::date
        and (end_date is null or end_date > ${londonDate(now)}::date)`,
      ),
    ),
  ]);
  return {
    careHomes: cap.careHomes,
    registeredBeds: cap.registeredBeds,
    occupancy: cap.occupancy,
    vacantAccepting: cap.vacantAccepting,
    homecareAgencies: cap.homecare.agencies,
    homecareHoursPerWeek: cap.homecare.hoursPerWeek,
    activePlacements: Number(active[0]?.n ?? 0),
    meanNewPlacementPricePence: prices.change.recentMean,
    meanNewPlacementPriceChange: prices.change.change,
    staleHomes: cap.staleHomes,
  };
}
