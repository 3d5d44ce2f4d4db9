// The market dashboard's figures, fast at national scale (15,000 homes, 1,000,000 placements) because they read
// the derived tables the database keeps current as data is written (drizzle/0001_market_aggregates.sql):
// each home's latest and monthly returns, open council placements by home, placement flows and prices by day,
// and price statistics by quarter. Price views filtered by more than the borough scope are computed live from
// the placements (livePriceSummary); the tests check both ways agree. Percentiles use percentile_cont, which
// interpolates exactly like the domain's quantileSorted (Excel QUARTILE.INC), so figures can be reproduced in a
// spreadsheet from the downloads.
//
// One module per part of the dashboard, in dashboard/: capacity (beds, occupancy, workforce, concentration),
// prices (placement prices against the usual rate) and careHomes (each home and its fragility).
export { capacitySummary, occupancyTrend, type CapacitySummary, type OccupancyPoint } from './dashboard/capacity.js';
export {
  isScopeOnly,
  livePriceSummary,
  priceSummary,
  type PriceQuarter,
  type PriceSummaryResult,
} from './dashboard/prices.js';
export { careHomeRows, careHomesPage, type CareHomesPage, type HomeRow } from './dashboard/careHomes.js';
