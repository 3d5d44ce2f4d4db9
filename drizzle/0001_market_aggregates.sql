-- The hand-written part of the schema, after the generated baseline (0000): functions and triggers drizzle-kit
-- does not generate. Squashed on 2026-11-30 from the migrations that added them one by one (nothing was deployed),
-- in their original order, each function in its last version only (where a later migration replaced it, the
-- last text stands at the first one's place, with the later migrations' comments kept in their places); the data
-- fixes and the initial rebuild those migrations carried for databases of the time are left out (an empty
-- database has nothing to fix or rebuild). Each part keeps its own header.

-- ==== Market aggregates: tables kept by triggers on placements, returns and usual rates (was 0001_market_aggregates.sql) ====
-- Market dashboard aggregates, kept current by statement-level triggers (see the derived tables in
-- src/db/market/schema.ts). Each trigger works out which keys the statement touched (locations, days, quarters)
-- and recomputes just those from the source tables, so every write path keeps the figures exact.
-- market_rebuild_aggregates() recomputes everything (used below to fill the tables from existing data).

-- ---- Latest capacity, workforce and homecare returns ----
CREATE OR REPLACE FUNCTION market_recompute_returns(p_locations uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_locations IS NULL OR cardinality(p_locations) = 0 THEN RETURN; END IF;
  PERFORM market_lock_locations('return_location', p_locations);
  DELETE FROM care_home_latest WHERE location_id = ANY(p_locations);
  INSERT INTO care_home_latest
  SELECT DISTINCT ON (c.location_id) c.location_id, c.id, c.as_at, c.max_capacity, c.occupied, c.vacant_reserved, c.vacant_accepting,
    c.residential_max, c.residential_occupied, c.residential_vacant_accepting, c.nursing_max, c.nursing_occupied, c.nursing_vacant_accepting,
    c.dementia_max, c.dementia_occupied, c.dementia_vacant_accepting
  FROM care_home_capacity c JOIN locations l ON l.id = c.location_id
  WHERE c.location_id = ANY(p_locations) ORDER BY c.location_id, c.as_at DESC, c.created_at DESC, c.id DESC;
  DELETE FROM care_home_monthly WHERE location_id = ANY(p_locations);
  INSERT INTO care_home_monthly
  SELECT DISTINCT ON (c.location_id, date_trunc('month', c.as_at AT TIME ZONE 'UTC')) c.location_id, date_trunc('month', c.as_at AT TIME ZONE 'UTC')::date,
    c.as_at, c.max_capacity, c.occupied, c.vacant_accepting
  FROM care_home_capacity c JOIN locations l ON l.id = c.location_id
  WHERE c.location_id = ANY(p_locations) ORDER BY c.location_id, date_trunc('month', c.as_at AT TIME ZONE 'UTC'), c.as_at DESC, c.created_at DESC, c.id DESC;
  DELETE FROM workforce_latest WHERE location_id = ANY(p_locations);
  INSERT INTO workforce_latest
  SELECT DISTINCT ON (w.location_id) w.location_id, w.as_at, w.nurses, w.care_staff, w.non_care_staff, w.agency_staff, w.vacancies, w.absences
  FROM workforce_snapshots w JOIN locations l ON l.id = w.location_id
  WHERE w.location_id = ANY(p_locations) ORDER BY w.location_id, w.as_at DESC, w.created_at DESC, w.id DESC;
  DELETE FROM homecare_latest WHERE location_id = ANY(p_locations);
  INSERT INTO homecare_latest
  SELECT DISTINCT ON (h.location_id, h.area) h.location_id, h.area, h.as_at, h.people_supported, h.hours_per_week, h.new_hours_available
  FROM homecare_capacity h JOIN locations l ON l.id = h.location_id
  WHERE h.location_id = ANY(p_locations) ORDER BY h.location_id, h.area, h.as_at DESC, h.created_at DESC, h.id DESC;
END $$;
--> statement-breakpoint
-- New returns: upsert, keeping whichever is later (a late return for an earlier date does not replace a newer one).
CREATE OR REPLACE FUNCTION market_care_home_returns_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM market_lock_locations('return_location', ARRAY(SELECT DISTINCT location_id FROM new_rows));
  INSERT INTO care_home_latest
  SELECT c.location_id, c.id, c.as_at, c.max_capacity, c.occupied, c.vacant_reserved, c.vacant_accepting,
    c.residential_max, c.residential_occupied, c.residential_vacant_accepting, c.nursing_max, c.nursing_occupied, c.nursing_vacant_accepting,
    c.dementia_max, c.dementia_occupied, c.dementia_vacant_accepting
  FROM (SELECT DISTINCT location_id FROM new_rows) k
  CROSS JOIN LATERAL (SELECT * FROM care_home_capacity c WHERE c.location_id = k.location_id
    ORDER BY c.as_at DESC, c.created_at DESC, c.id DESC LIMIT 1) c
  ON CONFLICT (location_id) DO UPDATE SET return_id = excluded.return_id, as_at = excluded.as_at, max_capacity = excluded.max_capacity,
    occupied = excluded.occupied, vacant_reserved = excluded.vacant_reserved, vacant_accepting = excluded.vacant_accepting,
    residential_max = excluded.residential_max, residential_occupied = excluded.residential_occupied, residential_vacant_accepting = excluded.residential_vacant_accepting,
    nursing_max = excluded.nursing_max, nursing_occupied = excluded.nursing_occupied, nursing_vacant_accepting = excluded.nursing_vacant_accepting,
    dementia_max = excluded.dementia_max, dementia_occupied = excluded.dementia_occupied, dementia_vacant_accepting = excluded.dementia_vacant_accepting;
  INSERT INTO care_home_monthly
  SELECT k.location_id, k.month, c.as_at, c.max_capacity, c.occupied, c.vacant_accepting
  FROM (SELECT DISTINCT location_id, date_trunc('month', as_at AT TIME ZONE 'UTC') AS month_start,
          date_trunc('month', as_at AT TIME ZONE 'UTC')::date AS month FROM new_rows) k
  CROSS JOIN LATERAL (SELECT * FROM care_home_capacity c WHERE c.location_id = k.location_id
    AND c.as_at >= (k.month_start AT TIME ZONE 'UTC') AND c.as_at < ((k.month_start + interval '1 month') AT TIME ZONE 'UTC')
    ORDER BY c.as_at DESC, c.created_at DESC, c.id DESC LIMIT 1) c
  ON CONFLICT (location_id, month) DO UPDATE SET as_at = excluded.as_at, max_capacity = excluded.max_capacity, occupied = excluded.occupied,
    vacant_accepting = excluded.vacant_accepting;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION market_workforce_returns_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM market_lock_locations('return_location', ARRAY(SELECT DISTINCT location_id FROM new_rows));
  INSERT INTO workforce_latest
  SELECT w.location_id, w.as_at, w.nurses, w.care_staff, w.non_care_staff, w.agency_staff, w.vacancies, w.absences
  FROM (SELECT DISTINCT location_id FROM new_rows) k
  CROSS JOIN LATERAL (SELECT * FROM workforce_snapshots w WHERE w.location_id = k.location_id
    ORDER BY w.as_at DESC, w.created_at DESC, w.id DESC LIMIT 1) w
  ON CONFLICT (location_id) DO UPDATE SET as_at = excluded.as_at, nurses = excluded.nurses, care_staff = excluded.care_staff,
    non_care_staff = excluded.non_care_staff, agency_staff = excluded.agency_staff, vacancies = excluded.vacancies, absences = excluded.absences;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION market_homecare_returns_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM market_lock_locations('return_location', ARRAY(SELECT DISTINCT location_id FROM new_rows));
  INSERT INTO homecare_latest
  SELECT h.location_id, h.area, h.as_at, h.people_supported, h.hours_per_week, h.new_hours_available
  FROM (SELECT DISTINCT location_id, area FROM new_rows) k
  CROSS JOIN LATERAL (SELECT * FROM homecare_capacity h WHERE h.location_id = k.location_id AND h.area = k.area
    ORDER BY h.as_at DESC, h.created_at DESC, h.id DESC LIMIT 1) h
  ON CONFLICT (location_id, area) DO UPDATE SET as_at = excluded.as_at, people_supported = excluded.people_supported,
    hours_per_week = excluded.hours_per_week, new_hours_available = excluded.new_hours_available;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Returns are history and are not edited; should one be changed or removed, its locations are recomputed.
CREATE OR REPLACE FUNCTION market_returns_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM market_recompute_returns(ARRAY(SELECT location_id FROM old_rows UNION SELECT location_id FROM new_rows));
  ELSE
    PERFORM market_recompute_returns(ARRAY(SELECT DISTINCT location_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER care_home_capacity_inserted AFTER INSERT ON care_home_capacity REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION market_care_home_returns_inserted();
--> statement-breakpoint
CREATE TRIGGER care_home_capacity_updated AFTER UPDATE ON care_home_capacity REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION market_returns_changed();
--> statement-breakpoint
CREATE TRIGGER care_home_capacity_deleted AFTER DELETE ON care_home_capacity REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION market_returns_changed();
--> statement-breakpoint
CREATE TRIGGER workforce_snapshots_inserted AFTER INSERT ON workforce_snapshots REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION market_workforce_returns_inserted();
--> statement-breakpoint
CREATE TRIGGER workforce_snapshots_updated AFTER UPDATE ON workforce_snapshots REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION market_returns_changed();
--> statement-breakpoint
CREATE TRIGGER workforce_snapshots_deleted AFTER DELETE ON workforce_snapshots REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION market_returns_changed();
--> statement-breakpoint
CREATE TRIGGER homecare_capacity_inserted AFTER INSERT ON homecare_capacity REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION market_homecare_returns_inserted();
--> statement-breakpoint
CREATE TRIGGER homecare_capacity_updated AFTER UPDATE ON homecare_capacity REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION market_returns_changed();
--> statement-breakpoint
CREATE TRIGGER homecare_capacity_deleted AFTER DELETE ON homecare_capacity REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION market_returns_changed();
--> statement-breakpoint

-- ---- Placements: prices by day and quarter, flows by day, open council placements by location ----
-- A location's scope: 'in' the borough or 'out' of it; deregistered locations are left out (NULL).
CREATE OR REPLACE FUNCTION market_scope(p_in_borough boolean, p_deregistered_at timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN p_deregistered_at IS NOT NULL THEN NULL WHEN p_in_borough THEN 'in' ELSE 'out' END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION market_is_care_home_band(p_band text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT p_band IN ('standard_residential', 'enhanced_residential', 'standard_nursing', 'enhanced_nursing')
$$;
--> statement-breakpoint
-- Each usual rate with the day it stopped applying (the next rate's start for the band; NULL while in force).
-- Joined on band and start date, it gives the rate in force when a placement started (NULL if none had been set).
CREATE OR REPLACE VIEW market_usual_rate_periods AS
  SELECT band, effective_from, lead(effective_from) OVER (PARTITION BY band ORDER BY effective_from) AS effective_to, amount_pence FROM usual_rates;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION market_recompute_price_days(p_days date[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_days IS NULL OR cardinality(p_days) = 0 THEN RETURN; END IF;
  PERFORM market_lock_days(p_days);
  WITH fresh AS (
    SELECT p.scope, p.start_date AS day, (p.price / 5000) * 5000 AS bin_pence, count(*)::int AS n, sum(p.price)::bigint AS price_sum_pence,
      count(p.rate)::int AS compared, (count(*) FILTER (WHERE p.price <= p.rate))::int AS at_or_below
    FROM (
      SELECT market_scope(l.in_borough, l.deregistered_at) AS scope, pl.start_date, pl.weekly_price_pence AS price, r.amount_pence AS rate
      FROM placements pl JOIN locations l ON l.id = pl.location_id
        LEFT JOIN market_usual_rate_periods r ON r.band = pl.band AND r.effective_from <= pl.start_date AND (r.effective_to IS NULL OR pl.start_date < r.effective_to)
      WHERE pl.start_date = ANY(p_days) AND market_is_care_home_band(pl.band) AND l.deregistered_at IS NULL) p
    GROUP BY 1, 2, 3),
  upserted AS (
    INSERT INTO market_price_days (scope, day, bin_pence, n, price_sum_pence, compared, at_or_below)
    SELECT * FROM fresh
    ON CONFLICT (scope, day, bin_pence) DO UPDATE SET n = excluded.n, price_sum_pence = excluded.price_sum_pence,
      compared = excluded.compared, at_or_below = excluded.at_or_below
    RETURNING 1)
  DELETE FROM market_price_days t WHERE t.day = ANY(p_days)
    AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.scope = t.scope AND f.day = t.day AND f.bin_pence = t.bin_pence);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION market_recompute_price_quarters(p_quarters date[]) RETURNS void LANGUAGE plpgsql SET work_mem = '64MB' AS $$
BEGIN
  IF p_quarters IS NULL OR cardinality(p_quarters) = 0 THEN RETURN; END IF;
  PERFORM market_lock_days(p_quarters);
  WITH fresh AS (
    SELECT coalesce(p.scope, 'all') AS scope, p.quarter, count(*)::int AS n, sum(p.price)::bigint AS price_sum_pence, min(p.price) AS min_pence, max(p.price) AS max_pence,
      percentile_cont(0.25) WITHIN GROUP (ORDER BY p.price) AS q1_pence, percentile_cont(0.5) WITHIN GROUP (ORDER BY p.price) AS median_pence,
      percentile_cont(0.75) WITHIN GROUP (ORDER BY p.price) AS q3_pence,
      count(p.rate)::int AS compared, (count(*) FILTER (WHERE p.price <= p.rate))::int AS at_or_below,
      (count(*) FILTER (WHERE p.contract_type = 'spot'))::int AS spot, (count(*) FILTER (WHERE p.contract_type = 'framework'))::int AS framework,
      (count(*) FILTER (WHERE p.contract_type = 'block'))::int AS block, (count(*) FILTER (WHERE p.contract_type = 'dps'))::int AS dps
    FROM (
      SELECT market_scope(l.in_borough, l.deregistered_at) AS scope, q.quarter, pl.weekly_price_pence AS price, pl.contract_type, r.amount_pence AS rate
      FROM unnest(p_quarters) AS q(quarter)
        JOIN placements pl ON pl.start_date >= q.quarter AND pl.start_date < (q.quarter + interval '3 months')::date
        JOIN locations l ON l.id = pl.location_id
        LEFT JOIN market_usual_rate_periods r ON r.band = pl.band AND r.effective_from <= pl.start_date AND (r.effective_to IS NULL OR pl.start_date < r.effective_to)
      WHERE market_is_care_home_band(pl.band) AND l.deregistered_at IS NULL) p
    GROUP BY GROUPING SETS ((p.scope, p.quarter), (p.quarter))),
  upserted AS (
    INSERT INTO market_price_quarters (scope, quarter, n, price_sum_pence, min_pence, max_pence, q1_pence, median_pence, q3_pence, compared, at_or_below, spot, framework, block, dps)
    SELECT * FROM fresh
    ON CONFLICT (scope, quarter) DO UPDATE SET n = excluded.n, price_sum_pence = excluded.price_sum_pence, min_pence = excluded.min_pence,
      max_pence = excluded.max_pence, q1_pence = excluded.q1_pence, median_pence = excluded.median_pence, q3_pence = excluded.q3_pence,
      compared = excluded.compared, at_or_below = excluded.at_or_below, spot = excluded.spot, framework = excluded.framework,
      block = excluded.block, dps = excluded.dps
    RETURNING 1)
  DELETE FROM market_price_quarters t WHERE t.quarter = ANY(p_quarters)
    AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.scope = t.scope AND f.quarter = t.quarter);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION market_recompute_flows(p_days date[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_days IS NULL OR cardinality(p_days) = 0 THEN RETURN; END IF;
  PERFORM market_lock_days(p_days);
  WITH fresh AS (
    SELECT f.scope, f.day, f.funding, f.kind, sum(f.starts)::int AS starts, sum(f.starts_spot)::int AS starts_spot, sum(f.start_hours) AS start_hours,
      sum(f.start_rate)::bigint AS start_rate_sum_pence, sum(f.start_rate_n)::int AS start_rate_n,
      sum(f.ends)::int AS ends, sum(f.end_hours) AS end_hours, sum(f.end_rate)::bigint AS end_rate_sum_pence, sum(f.end_rate_n)::int AS end_rate_n
    FROM (
      SELECT market_scope(l.in_borough, l.deregistered_at) AS scope, pl.start_date AS day, pl.funding,
        CASE WHEN pl.service_type IN ('care_home_residential', 'care_home_nursing') THEN 'care_home' WHEN pl.band = 'homecare_hourly' THEN 'homecare' ELSE 'other' END AS kind,
        1 AS starts, (pl.contract_type = 'spot')::int AS starts_spot, coalesce(pl.hours_per_week, 0) AS start_hours,
        coalesce(pl.hourly_rate_pence, 0)::bigint AS start_rate, (pl.hourly_rate_pence IS NOT NULL)::int AS start_rate_n,
        0 AS ends, 0::numeric AS end_hours, 0::bigint AS end_rate, 0 AS end_rate_n
      FROM placements pl JOIN locations l ON l.id = pl.location_id
      WHERE pl.start_date = ANY(p_days) AND l.deregistered_at IS NULL
      UNION ALL
      SELECT market_scope(l.in_borough, l.deregistered_at), pl.end_date, pl.funding,
        CASE WHEN pl.service_type IN ('care_home_residential', 'care_home_nursing') THEN 'care_home' WHEN pl.band = 'homecare_hourly' THEN 'homecare' ELSE 'other' END,
        0, 0, 0, 0, 0,
        1, coalesce(pl.hours_per_week, 0), coalesce(pl.hourly_rate_pence, 0)::bigint, (pl.hourly_rate_pence IS NOT NULL)::int
      FROM placements pl JOIN locations l ON l.id = pl.location_id
      WHERE pl.end_date = ANY(p_days) AND l.deregistered_at IS NULL) f
    GROUP BY f.scope, f.day, f.funding, f.kind),
  upserted AS (
    INSERT INTO market_placement_flows (scope, day, funding, kind, starts, starts_spot, start_hours, start_rate_sum_pence, start_rate_n, ends, end_hours, end_rate_sum_pence, end_rate_n)
    SELECT * FROM fresh
    ON CONFLICT (scope, day, funding, kind) DO UPDATE SET starts = excluded.starts, starts_spot = excluded.starts_spot,
      start_hours = excluded.start_hours, start_rate_sum_pence = excluded.start_rate_sum_pence, start_rate_n = excluded.start_rate_n,
      ends = excluded.ends, end_hours = excluded.end_hours, end_rate_sum_pence = excluded.end_rate_sum_pence, end_rate_n = excluded.end_rate_n
    RETURNING 1)
  DELETE FROM market_placement_flows t WHERE t.day = ANY(p_days)
    AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.scope = t.scope AND f.day = t.day AND f.funding = t.funding AND f.kind = t.kind);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION market_recompute_open_placements(p_locations uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_locations IS NULL OR cardinality(p_locations) = 0 THEN RETURN; END IF;
  PERFORM market_lock_locations('placement_location', p_locations);
  WITH fresh AS (
    SELECT pl.location_id, count(*)::int AS council_open, (count(*) FILTER (WHERE pl.band <> 'individual'))::int AS council_priced_open,
      coalesce(sum(pl.weekly_price_pence) FILTER (WHERE pl.band <> 'individual'), 0)::bigint AS council_priced_sum_pence
    FROM placements pl
    WHERE pl.location_id = ANY(p_locations) AND pl.end_date IS NULL AND pl.funding IN ('council', 'joint')
    GROUP BY pl.location_id),
  upserted AS (
    INSERT INTO location_open_placements (location_id, council_open, council_priced_open, council_priced_sum_pence)
    SELECT * FROM fresh
    ON CONFLICT (location_id) DO UPDATE SET council_open = excluded.council_open, council_priced_open = excluded.council_priced_open,
      council_priced_sum_pence = excluded.council_priced_sum_pence
    RETURNING 1)
  DELETE FROM location_open_placements t WHERE t.location_id = ANY(p_locations)
    AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.location_id = t.location_id);
END $$;
--> statement-breakpoint
-- A placement statement: days its rows start or end on, quarters of care home prices it changed, locations.
CREATE OR REPLACE FUNCTION market_placements_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_days date[] := '{}';
  v_price_days date[] := '{}';
  v_locations uuid[] := '{}';
BEGIN
  IF current_setting('steward.market_bulk', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    v_days := v_days || ARRAY(SELECT start_date FROM new_rows UNION SELECT end_date FROM new_rows WHERE end_date IS NOT NULL);
    v_locations := v_locations || ARRAY(SELECT DISTINCT location_id FROM new_rows);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    v_days := v_days || ARRAY(SELECT start_date FROM old_rows UNION SELECT end_date FROM old_rows WHERE end_date IS NOT NULL);
    v_locations := v_locations || ARRAY(SELECT DISTINCT location_id FROM old_rows);
  END IF;
  -- Prices depend on start, price, band, contract and location, not on the end date: ending a placement
  -- leaves the price figures alone.
  IF TG_OP = 'UPDATE' THEN
    v_price_days := ARRAY(
      SELECT d FROM (
        SELECT o.start_date AS d FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.start_date, o.weekly_price_pence, o.band, o.contract_type, o.location_id) IS DISTINCT FROM (n.start_date, n.weekly_price_pence, n.band, n.contract_type, n.location_id)
          AND (market_is_care_home_band(o.band) OR market_is_care_home_band(n.band))
        UNION
        SELECT n.start_date FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.start_date, o.weekly_price_pence, o.band, o.contract_type, o.location_id) IS DISTINCT FROM (n.start_date, n.weekly_price_pence, n.band, n.contract_type, n.location_id)
          AND (market_is_care_home_band(o.band) OR market_is_care_home_band(n.band))) x);
  ELSIF TG_OP = 'INSERT' THEN
    v_price_days := ARRAY(SELECT DISTINCT start_date FROM new_rows WHERE market_is_care_home_band(band));
  ELSE
    v_price_days := ARRAY(SELECT DISTINCT start_date FROM old_rows WHERE market_is_care_home_band(band));
  END IF;
  PERFORM market_recompute_flows(ARRAY(SELECT DISTINCT unnest(v_days)));
  PERFORM market_recompute_price_days(v_price_days);
  PERFORM market_recompute_price_quarters(ARRAY(SELECT DISTINCT date_trunc('quarter', d)::date FROM unnest(v_price_days) AS d));
  PERFORM market_recompute_open_placements(ARRAY(SELECT DISTINCT unnest(v_locations)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER placements_inserted AFTER INSERT ON placements REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION market_placements_changed();
--> statement-breakpoint
CREATE TRIGGER placements_updated AFTER UPDATE ON placements REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION market_placements_changed();
--> statement-breakpoint
CREATE TRIGGER placements_deleted AFTER DELETE ON placements REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION market_placements_changed();
--> statement-breakpoint
-- A usual rate set, changed or removed: the "at or below the usual rate" counts change for placements of that
-- band starting on or after the earliest date involved.
CREATE OR REPLACE FUNCTION market_usual_rates_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_days date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    v_days := ARRAY(SELECT DISTINCT pl.start_date FROM placements pl JOIN new_rows r ON pl.band = r.band AND pl.start_date >= r.effective_from);
  ELSIF TG_OP = 'DELETE' THEN
    v_days := ARRAY(SELECT DISTINCT pl.start_date FROM placements pl JOIN old_rows r ON pl.band = r.band AND pl.start_date >= r.effective_from);
  ELSE
    v_days := ARRAY(SELECT DISTINCT pl.start_date FROM placements pl
      JOIN (SELECT band, effective_from FROM new_rows UNION SELECT band, effective_from FROM old_rows) r ON pl.band = r.band AND pl.start_date >= r.effective_from);
  END IF;
  PERFORM market_recompute_price_days(v_days);
  PERFORM market_recompute_price_quarters(ARRAY(SELECT DISTINCT date_trunc('quarter', d)::date FROM unnest(v_days) AS d));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER usual_rates_inserted AFTER INSERT ON usual_rates REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION market_usual_rates_changed();
--> statement-breakpoint
CREATE TRIGGER usual_rates_updated AFTER UPDATE ON usual_rates REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION market_usual_rates_changed();
--> statement-breakpoint
CREATE TRIGGER usual_rates_deleted AFTER DELETE ON usual_rates REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION market_usual_rates_changed();
--> statement-breakpoint
-- A location moving in or out of the borough, or deregistered: its placements change scope.
CREATE OR REPLACE FUNCTION market_locations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_locations uuid[];
  v_days date[];
  v_price_days date[];
BEGIN
  v_locations := ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE market_scope(n.in_borough, n.deregistered_at) IS DISTINCT FROM market_scope(o.in_borough, o.deregistered_at));
  IF cardinality(v_locations) = 0 THEN RETURN NULL; END IF;
  v_days := ARRAY(SELECT start_date FROM placements WHERE location_id = ANY(v_locations)
    UNION SELECT end_date FROM placements WHERE location_id = ANY(v_locations) AND end_date IS NOT NULL);
  v_price_days := ARRAY(SELECT DISTINCT start_date FROM placements WHERE location_id = ANY(v_locations) AND market_is_care_home_band(band));
  PERFORM market_recompute_flows(v_days);
  PERFORM market_recompute_price_days(v_price_days);
  PERFORM market_recompute_price_quarters(ARRAY(SELECT DISTINCT date_trunc('quarter', d)::date FROM unnest(v_price_days) AS d));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER locations_scope_changed AFTER UPDATE ON locations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION market_locations_changed();
--> statement-breakpoint
-- Everything from the source tables (fills the aggregates for data written before this migration).
CREATE OR REPLACE FUNCTION market_rebuild_aggregates() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM market_recompute_returns(ARRAY(SELECT id FROM locations));
  PERFORM market_recompute_flows(ARRAY(SELECT start_date FROM placements UNION SELECT end_date FROM placements WHERE end_date IS NOT NULL));
  PERFORM market_recompute_price_days(ARRAY(SELECT DISTINCT start_date FROM placements));
  PERFORM market_recompute_price_quarters(ARRAY(SELECT DISTINCT date_trunc('quarter', start_date)::date FROM placements));
  PERFORM market_recompute_open_placements(ARRAY(SELECT DISTINCT location_id FROM placements));
END $$;
--> statement-breakpoint

-- ==== Market Position Statement: a published edition cannot change (was 0003_mps_editions_frozen.sql) ====
-- A published Market Position Statement edition is frozen: its figures and text never change and it is never
-- deleted. Only the link to the publishing user may be cleared (when that account is removed).
CREATE OR REPLACE FUNCTION mps_editions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'Published Market Position Statement editions cannot be deleted (edition %)', OLD.number
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.number IS DISTINCT FROM OLD.number OR NEW.title IS DISTINCT FROM OLD.title
     OR NEW.published_on IS DISTINCT FROM OLD.published_on OR NEW.published_at IS DISTINCT FROM OLD.published_at
     OR NEW.as_at IS DISTINCT FROM OLD.as_at OR NEW.statement IS DISTINCT FROM OLD.statement
     OR NEW.published_by_label IS DISTINCT FROM OLD.published_by_label THEN
    RAISE EXCEPTION 'Published Market Position Statement editions cannot be changed (edition %)', OLD.number
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER mps_editions_frozen BEFORE UPDATE OR DELETE ON mps_editions
  FOR EACH ROW EXECUTE FUNCTION mps_editions_frozen();
--> statement-breakpoint

-- ==== Market aggregates under concurrent writers: advisory locks, upserts (was 0006_aggregate_locks.sql) ====
-- Concurrent writers on PostgreSQL (issue 14). The market aggregates of 0001 were recomputed by deleting a
-- key's rows and inserting them again: two transactions writing placements on the same day both deleted, both
-- inserted, and the second failed on the primary key (or, worse, one recomputed from a snapshot that could not
-- see the other's rows). Now:
-- * every recompute first takes transaction-scoped advisory locks on what it recomputes, in one order
--   (quarters, ascending, then locations, ascending), so writers touching the same day, quarter or location
--   queue instead of colliding, and each recompute (a new statement, so a new snapshot under READ COMMITTED)
--   sees everything committed before it got the lock;
-- * placement aggregates are upserted (INSERT ... ON CONFLICT DO UPDATE) and only keys that no longer have
--   any source rows are deleted.
-- PGlite has one connection, so the locks are always free there; the SQL is the same.

-- Lock classes (the first key of pg_advisory_xact_lock(int, int)).
CREATE OR REPLACE FUNCTION market_lock_class(p_name text) RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE p_name WHEN 'quarter' THEN 140001 WHEN 'placement_location' THEN 140002 WHEN 'return_location' THEN 140003 END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION market_quarter_key(p_day date) RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT (extract(year FROM p_day)::int * 4 + extract(quarter FROM p_day)::int - 1)
$$;
--> statement-breakpoint
-- Take the locks of one class in ascending key order (re-entrant: a lock already held is taken again at no cost).
CREATE OR REPLACE FUNCTION market_lock_keys(p_class text, p_keys int[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  k int;
BEGIN
  IF p_keys IS NULL OR cardinality(p_keys) = 0 THEN RETURN; END IF;
  FOR k IN SELECT DISTINCT x FROM unnest(p_keys) AS x WHERE x IS NOT NULL ORDER BY x LOOP
    PERFORM pg_advisory_xact_lock(market_lock_class(p_class), k);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION market_lock_days(p_days date[]) RETURNS void LANGUAGE sql AS $$
  SELECT market_lock_keys('quarter', ARRAY(SELECT market_quarter_key(d) FROM unnest(p_days) AS d))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION market_lock_locations(p_class text, p_locations uuid[]) RETURNS void LANGUAGE sql AS $$
  SELECT market_lock_keys(p_class, ARRAY(SELECT hashtext(l::text) FROM unnest(p_locations) AS l))
$$;
--> statement-breakpoint

-- ---- Placements: lock the quarters of the days, upsert the fresh figures, delete keys left empty ----
-- ---- Returns: the recompute (returns edited or removed) and the insert upserts lock the location first ----
-- ==== Data versions: a counter per area bumped by triggers, the key of cached figures (was 0010_data_versions.sql) ====
-- Data versions (issue 15): every statement that writes to a discharge hub table (or to the provider and location
-- names its reports show) raises the 'discharge' version in the same transaction, so a report cached under the
-- version it was read at is never served after the data changed, whichever path wrote it (API, import, demo, SQL).
INSERT INTO data_versions (area, version) VALUES ('discharge', 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- The bump creates the area's row when it is missing (the demo's reset truncates every table, data_versions too)
-- and takes its value from a sequence no truncation restarts, so versions never repeat and a report cached in a
-- running server under an earlier version is never mistaken for a fresh one.
CREATE SEQUENCE IF NOT EXISTS data_versions_seq;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_versions (area, version) VALUES (TG_ARGV[0], nextval('data_versions_seq'))
  ON CONFLICT (area) DO UPDATE SET version = nextval('data_versions_seq');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER discharge_referrals_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON discharge_referrals
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('discharge');
--> statement-breakpoint
CREATE TRIGGER discharge_delays_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON discharge_delays
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('discharge');
--> statement-breakpoint
CREATE TRIGGER discharge_requests_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON discharge_requests
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('discharge');
--> statement-breakpoint
CREATE TRIGGER discharge_block_beds_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON discharge_block_beds
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('discharge');
--> statement-breakpoint
CREATE TRIGGER discharge_bed_stays_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON discharge_bed_stays
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('discharge');
--> statement-breakpoint
CREATE TRIGGER providers_discharge_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON providers
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('discharge');
--> statement-breakpoint
CREATE TRIGGER locations_discharge_version AFTER UPDATE OF name OR DELETE OR TRUNCATE ON locations
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('discharge');
--> statement-breakpoint

-- ==== Market aggregates: set-based rebuild after a bulk placements import (was 0013_bulk_placement_aggregates.sql) ====
-- Bulk loads of placements (a national case-management extract: a million packages) bypass the per-statement
-- aggregate triggers and rebuild the placement aggregates once at the end, in the same transaction.
-- A transaction sets `steward.market_bulk` to 'on' (set_config(..., true): local to the transaction), writes its
-- placements, then calls market_rebuild_placement_aggregates(), which recomputes every placement aggregate from
-- the source tables in one pass (no per-key arrays). Its figures are the same as the per-key recomputes'
-- (src/importers/placements-bulk.int.test.ts compares them with market_rebuild_aggregates()).

CREATE OR REPLACE FUNCTION market_rebuild_placement_aggregates() RETURNS void LANGUAGE plpgsql SET work_mem = '64MB' AS $$
BEGIN
  -- Readers still see the figures as they were until the transaction commits; other writers wait for it.
  LOCK TABLE market_placement_flows, market_price_days, market_price_quarters, location_open_placements IN EXCLUSIVE MODE;
  DELETE FROM market_placement_flows;
  INSERT INTO market_placement_flows (scope, day, funding, kind, starts, starts_spot, start_hours, start_rate_sum_pence, start_rate_n, ends, end_hours, end_rate_sum_pence, end_rate_n)
  SELECT f.scope, f.day, f.funding, f.kind, sum(f.starts)::int, sum(f.starts_spot)::int, sum(f.start_hours),
    sum(f.start_rate)::bigint, sum(f.start_rate_n)::int, sum(f.ends)::int, sum(f.end_hours), sum(f.end_rate)::bigint, sum(f.end_rate_n)::int
  FROM (
    SELECT market_scope(l.in_borough, l.deregistered_at) AS scope, pl.start_date AS day, pl.funding,
      CASE WHEN pl.service_type IN ('care_home_residential', 'care_home_nursing') THEN 'care_home' WHEN pl.band = 'homecare_hourly' THEN 'homecare' ELSE 'other' END AS kind,
      1 AS starts, (pl.contract_type = 'spot')::int AS starts_spot, coalesce(pl.hours_per_week, 0) AS start_hours,
      coalesce(pl.hourly_rate_pence, 0)::bigint AS start_rate, (pl.hourly_rate_pence IS NOT NULL)::int AS start_rate_n,
      0 AS ends, 0::numeric AS end_hours, 0::bigint AS end_rate, 0 AS end_rate_n
    FROM placements pl JOIN locations l ON l.id = pl.location_id
    WHERE l.deregistered_at IS NULL
    UNION ALL
    SELECT market_scope(l.in_borough, l.deregistered_at), pl.end_date, pl.funding,
      CASE WHEN pl.service_type IN ('care_home_residential', 'care_home_nursing') THEN 'care_home' WHEN pl.band = 'homecare_hourly' THEN 'homecare' ELSE 'other' END,
      0, 0, 0, 0, 0,
      1, coalesce(pl.hours_per_week, 0), coalesce(pl.hourly_rate_pence, 0)::bigint, (pl.hourly_rate_pence IS NOT NULL)::int
    FROM placements pl JOIN locations l ON l.id = pl.location_id
    WHERE pl.end_date IS NOT NULL AND l.deregistered_at IS NULL) f
  GROUP BY f.scope, f.day, f.funding, f.kind;

  DELETE FROM market_price_days;
  INSERT INTO market_price_days (scope, day, bin_pence, n, price_sum_pence, compared, at_or_below)
  SELECT p.scope, p.start_date, (p.price / 5000) * 5000, count(*)::int, sum(p.price)::bigint, count(p.rate)::int,
    (count(*) FILTER (WHERE p.price <= p.rate))::int
  FROM (
    SELECT market_scope(l.in_borough, l.deregistered_at) AS scope, pl.start_date, pl.weekly_price_pence AS price, r.amount_pence AS rate
    FROM placements pl JOIN locations l ON l.id = pl.location_id
      LEFT JOIN market_usual_rate_periods r ON r.band = pl.band AND r.effective_from <= pl.start_date AND (r.effective_to IS NULL OR pl.start_date < r.effective_to)
    WHERE market_is_care_home_band(pl.band) AND l.deregistered_at IS NULL) p
  GROUP BY 1, 2, 3;

  DELETE FROM market_price_quarters;
  INSERT INTO market_price_quarters (scope, quarter, n, price_sum_pence, min_pence, max_pence, q1_pence, median_pence, q3_pence, compared, at_or_below, spot, framework, block, dps)
  SELECT coalesce(p.scope, 'all'), p.quarter, count(*)::int, sum(p.price)::bigint, min(p.price), max(p.price),
    percentile_cont(0.25) WITHIN GROUP (ORDER BY p.price), percentile_cont(0.5) WITHIN GROUP (ORDER BY p.price),
    percentile_cont(0.75) WITHIN GROUP (ORDER BY p.price),
    count(p.rate)::int, (count(*) FILTER (WHERE p.price <= p.rate))::int,
    (count(*) FILTER (WHERE p.contract_type = 'spot'))::int, (count(*) FILTER (WHERE p.contract_type = 'framework'))::int,
    (count(*) FILTER (WHERE p.contract_type = 'block'))::int, (count(*) FILTER (WHERE p.contract_type = 'dps'))::int
  FROM (
    SELECT market_scope(l.in_borough, l.deregistered_at) AS scope, date_trunc('quarter', pl.start_date)::date AS quarter,
      pl.weekly_price_pence AS price, pl.contract_type, r.amount_pence AS rate
    FROM placements pl JOIN locations l ON l.id = pl.location_id
      LEFT JOIN market_usual_rate_periods r ON r.band = pl.band AND r.effective_from <= pl.start_date AND (r.effective_to IS NULL OR pl.start_date < r.effective_to)
    WHERE market_is_care_home_band(pl.band) AND l.deregistered_at IS NULL) p
  GROUP BY GROUPING SETS ((p.scope, p.quarter), (p.quarter));

  DELETE FROM location_open_placements;
  INSERT INTO location_open_placements (location_id, council_open, council_priced_open, council_priced_sum_pence)
  SELECT pl.location_id, count(*)::int, (count(*) FILTER (WHERE pl.band <> 'individual'))::int,
    coalesce(sum(pl.weekly_price_pence) FILTER (WHERE pl.band <> 'individual'), 0)::bigint
  FROM placements pl
  WHERE pl.end_date IS NULL AND pl.funding IN ('council', 'joint')
  GROUP BY pl.location_id;
END $$;

--> statement-breakpoint
-- Data versions for the market area (issue 15): every statement that writes a market table (a source table or
-- one of the derived aggregate tables 0001 keeps) raises the 'market' version in the same transaction, so the
-- market figures cached under a version (src/db/market/dashboard.ts: capacity and price summaries, used by the
-- home dashboard, the market pages and the draft market position statement) are never served after a change,
-- whichever path wrote it (API, import, bulk rebuild, demo, SQL). bump_data_version() is 0001's upsert.
INSERT INTO data_versions (area, version) VALUES ('market', nextval('data_versions_seq')) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER providers_market_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON providers
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('market');
--> statement-breakpoint
CREATE TRIGGER locations_market_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON locations
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('market');
--> statement-breakpoint
CREATE TRIGGER care_home_capacity_market_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON care_home_capacity
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('market');
--> statement-breakpoint
CREATE TRIGGER homecare_capacity_market_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON homecare_capacity
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('market');
--> statement-breakpoint
CREATE TRIGGER workforce_snapshots_market_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON workforce_snapshots
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('market');
--> statement-breakpoint
CREATE TRIGGER usual_rates_market_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON usual_rates
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('market');
--> statement-breakpoint
CREATE TRIGGER cost_of_care_market_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cost_of_care
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('market');
--> statement-breakpoint
CREATE TRIGGER placements_market_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON placements
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('market');
--> statement-breakpoint
CREATE TRIGGER care_home_latest_market_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON care_home_latest
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('market');
--> statement-breakpoint
CREATE TRIGGER care_home_monthly_market_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON care_home_monthly
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('market');
--> statement-breakpoint
CREATE TRIGGER workforce_latest_market_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON workforce_latest
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('market');
--> statement-breakpoint
CREATE TRIGGER homecare_latest_market_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON homecare_latest
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('market');
--> statement-breakpoint
CREATE TRIGGER location_open_placements_market_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON location_open_placements
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('market');
--> statement-breakpoint
CREATE TRIGGER market_price_quarters_market_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON market_price_quarters
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('market');
--> statement-breakpoint
CREATE TRIGGER market_price_days_market_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON market_price_days
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('market');
--> statement-breakpoint
CREATE TRIGGER market_placement_flows_market_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON market_placement_flows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('market');
--> statement-breakpoint
-- Data versions for need and demand: the population series and rates the projection reads (src/db/demand/model-inputs.ts loadGrid).
INSERT INTO data_versions (area, version) VALUES ('demand', nextval('data_versions_seq')) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER population_series_demand_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON population_series
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('demand');
--> statement-breakpoint
CREATE TRIGGER demand_areas_demand_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON demand_areas
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('demand');
--> statement-breakpoint
CREATE TRIGGER demand_rates_demand_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON demand_rates
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('demand');
--> statement-breakpoint
CREATE TRIGGER demand_scenarios_demand_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON demand_scenarios
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('demand');
--> statement-breakpoint
-- Data versions for contracts and delivery: the tables the home dashboard's contracts figures read (register,
-- procurements and the delivery-plan intentions they serve, KPIs and returns with the names of who gave them,
-- quality assessments, provider and location names).
INSERT INTO data_versions (area, version) VALUES ('contracts', nextval('data_versions_seq')) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER contracts_contracts_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON contracts
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('contracts');
--> statement-breakpoint
CREATE TRIGGER procurements_contracts_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON procurements
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('contracts');
--> statement-breakpoint
CREATE TRIGGER procurement_stages_contracts_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON procurement_stages
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('contracts');
--> statement-breakpoint
CREATE TRIGGER kpis_contracts_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kpis
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('contracts');
--> statement-breakpoint
CREATE TRIGGER kpi_returns_contracts_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kpi_returns
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('contracts');
--> statement-breakpoint
CREATE TRIGGER kpi_return_amendments_contracts_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kpi_return_amendments
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('contracts');
--> statement-breakpoint
CREATE TRIGGER quality_assessments_contracts_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON quality_assessments
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('contracts');
--> statement-breakpoint
CREATE TRIGGER provider_concerns_contracts_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON provider_concerns
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('contracts');
--> statement-breakpoint
CREATE TRIGGER users_contracts_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('contracts');
--> statement-breakpoint
CREATE TRIGGER providers_contracts_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON providers
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('contracts');
--> statement-breakpoint
CREATE TRIGGER locations_contracts_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON locations
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('contracts');
--> statement-breakpoint
CREATE TRIGGER plan_intentions_contracts_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_intentions
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('contracts');
