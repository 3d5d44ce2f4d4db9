ALTER TABLE "kpis" ADD COLUMN "measure" text DEFAULT 'number' NOT NULL;--> statement-breakpoint
-- Existing KPIs get the measure their free-text unit implies (src/domain/contracts/kpi.ts kpiMeasureFromUnit).
UPDATE "kpis" SET "measure" = CASE
  WHEN lower(trim("unit")) IN ('%', 'percent', 'per cent') THEN 'percent'
  WHEN lower(trim("unit")) IN ('days', 'day') THEN 'days'
  WHEN lower(trim("unit")) IN ('hours', 'hour') THEN 'hours'
  WHEN lower(trim("unit")) IN ('£', 'gbp', 'pence', 'p') THEN 'pence'
  WHEN lower(trim("unit")) IN ('people', 'carers', 'visits', 'staff', 'placements', 'referrals', 'contacts', 'beds', 'clients', 'complaints') THEN 'count'
  ELSE 'number' END;
