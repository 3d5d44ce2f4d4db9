-- Market dashboard aggregates, kept current by statement-level triggers (see the derived tables in
-- src/db/market/schema.ts). Each trigger works out which keys the statement touched (locations, days, quarters)
-- and recomputes just those from the source tables, so every write path keeps the figures exact.
-- market_rebuild_aggregates() recomputes everything (used below to fill the tables from existing data).

-- ---- Latest capacity, workforce and homecare returns ----
CREATE OR REPLACE FUNCTION market_recompute_returns(p_locations uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_locations IS NULL OR cardinality(p_locations) = 0 THEN RETURN; END IF;
  DELETE FROM care_home_latest WHERE location_id = ANY(p_locations);
  INSERT INTO care_home_latest
  SELECT DISTINCT ON (c.location_id) c.location_id, c.id, c.as_at, c.max_capacity, c.occupied, c.vacant_reserved, c.vacant_accepting,
    c.residential_max, c.residential_occupied, c.residential_vacant_accepting, c.nursing_max, c.nursing_occupied, c.nursing_vacant_accepting,
    c.dementia_max, c.dementia_occupied, c.dementia_vacant_accepting
  FROM care_home_capacity c JOIN locations l ON l.id = c.location_id
  WHERE c.location_id = ANY(p_locations) ORDER BY c.location_id, c.as_at DESC, c.created_at DESC;
  DELETE FROM care_home_monthly WHERE location_id = ANY(p_locations);
  INSERT INTO care_home_monthly
  SELECT DISTINCT ON (c.location_id, date_trunc('month', c.as_at AT TIME ZONE 'UTC')) c.location_id, date_trunc('month', c.as_at AT TIME ZONE 'UTC')::date,
    c.as_at, c.max_capacity, c.occupied, c.vacant_accepting
  FROM care_home_capacity c JOIN locations l ON l.id = c.location_id
  WHERE c.location_id = ANY(p_locations) ORDER BY c.location_id, date_trunc('month', c.as_at AT TIME ZONE 'UTC'), c.as_at DESC, c.created_at DESC;
  DELETE FROM workforce_latest WHERE location_id = ANY(p_locations);
  INSERT INTO workforce_latest
  SELECT DISTINCT ON (w.location_id) w.location_id, w.as_at, w.nurses, w.care_staff, w.non_care_staff, w.agency_staff, w.vacancies, w.absences
  FROM workforce_snapshots w JOIN locations l ON l.id = w.location_id
  WHERE w.location_id = ANY(p_locations) ORDER BY w.location_id, w.as_at DESC, w.created_at DESC;
  DELETE FROM homecare_latest WHERE location_id = ANY(p_locations);
  INSERT INTO homecare_latest
  SELECT DISTINCT ON (h.location_id, h.area) h.location_id, h.area, h.as_at, h.people_supported, h.hours_per_week, h.new_hours_available
  FROM homecare_capacity h JOIN locations l ON l.id = h.location_id
  WHERE h.location_id = ANY(p_locations) ORDER BY h.location_id, h.area, h.as_at DESC, h.created_at DESC;
END $$;
--> statement-breakpoint
-- New returns: upsert, keeping whichever is later (a late return for an earlier date does not replace a newer one).
CREATE OR REPLACE FUNCTION market_care_home_returns_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO care_home_latest
  SELECT DISTINCT ON (c.location_id) c.location_id, c.id, c.as_at, c.max_capacity, c.occupied, c.vacant_reserved, c.vacant_accepting,
    c.residential_max, c.residential_occupied, c.residential_vacant_accepting, c.nursing_max, c.nursing_occupied, c.nursing_vacant_accepting,
    c.dementia_max, c.dementia_occupied, c.dementia_vacant_accepting
  FROM new_rows c ORDER BY c.location_id, c.as_at DESC, c.created_at DESC
  ON CONFLICT (location_id) DO UPDATE SET return_id = excluded.return_id, as_at = excluded.as_at, max_capacity = excluded.max_capacity,
    occupied = excluded.occupied, vacant_reserved = excluded.vacant_reserved, vacant_accepting = excluded.vacant_accepting,
    residential_max = excluded.residential_max, residential_occupied = excluded.residential_occupied, residential_vacant_accepting = excluded.residential_vacant_accepting,
    nursing_max = excluded.nursing_max, nursing_occupied = excluded.nursing_occupied, nursing_vacant_accepting = excluded.nursing_vacant_accepting,
    dementia_max = excluded.dementia_max, dementia_occupied = excluded.dementia_occupied, dementia_vacant_accepting = excluded.dementia_vacant_accepting
  WHERE excluded.as_at >= care_home_latest.as_at;
  INSERT INTO care_home_monthly
  SELECT DISTINCT ON (c.location_id, date_trunc('month', c.as_at AT TIME ZONE 'UTC')) c.location_id, date_trunc('month', c.as_at AT TIME ZONE 'UTC')::date,
    c.as_at, c.max_capacity, c.occupied, c.vacant_accepting
  FROM new_rows c ORDER BY c.location_id, date_trunc('month', c.as_at AT TIME ZONE 'UTC'), c.as_at DESC, c.created_at DESC
  ON CONFLICT (location_id, month) DO UPDATE SET as_at = excluded.as_at, max_capacity = excluded.max_capacity, occupied = excluded.occupied,
    vacant_accepting = excluded.vacant_accepting
  WHERE excluded.as_at >= care_home_monthly.as_at;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION market_workforce_returns_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO workforce_latest
  SELECT DISTINCT ON (w.location_id) w.location_id, w.as_at, w.nurses, w.care_staff, w.non_care_staff, w.agency_staff, w.vacancies, w.absences
  FROM new_rows w ORDER BY w.location_id, w.as_at DESC, w.created_at DESC
  ON CONFLICT (location_id) DO UPDATE SET as_at = excluded.as_at, nurses = excluded.nurses, care_staff = excluded.care_staff,
    non_care_staff = excluded.non_care_staff, agency_staff = excluded.agency_staff, vacancies = excluded.vacancies, absences = excluded.absences
  WHERE excluded.as_at >= workforce_latest.as_at;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION market_homecare_returns_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO homecare_latest
  SELECT DISTINCT ON (h.location_id, h.area) h.location_id, h.area, h.as_at, h.people_supported, h.hours_per_week, h.new_hours_available
  FROM new_rows h ORDER BY h.location_id, h.area, h.as_at DESC, h.created_at DESC
  ON CONFLICT (location_id, area) DO UPDATE SET as_at = excluded.as_at, people_supported = excluded.people_supported,
    hours_per_week = excluded.hours_per_week, new_hours_available = excluded.new_hours_available
  WHERE excluded.as_at >= homecare_latest.as_at;
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
  DELETE FROM market_price_days WHERE day = ANY(p_days);
  INSERT INTO market_price_days (scope, day, bin_pence, n, price_sum_pence, compared, at_or_below)
  SELECT p.scope, p.start_date, (p.price / 5000) * 5000, count(*), sum(p.price), count(p.rate), count(*) FILTER (WHERE p.price <= p.rate)
  FROM (
    SELECT market_scope(l.in_borough, l.deregistered_at) AS scope, pl.start_date, pl.weekly_price_pence AS price, r.amount_pence AS rate
    FROM placements pl JOIN locations l ON l.id = pl.location_id
      LEFT JOIN market_usual_rate_periods r ON r.band = pl.band AND r.effective_from <= pl.start_date AND (r.effective_to IS NULL OR pl.start_date < r.effective_to)
    WHERE pl.start_date = ANY(p_days) AND market_is_care_home_band(pl.band) AND l.deregistered_at IS NULL) p
  GROUP BY 1, 2, 3;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION market_recompute_price_quarters(p_quarters date[]) RETURNS void LANGUAGE plpgsql SET work_mem = '64MB' AS $$
BEGIN
  IF p_quarters IS NULL OR cardinality(p_quarters) = 0 THEN RETURN; END IF;
  DELETE FROM market_price_quarters WHERE quarter = ANY(p_quarters);
  INSERT INTO market_price_quarters (scope, quarter, n, price_sum_pence, min_pence, max_pence, q1_pence, median_pence, q3_pence, compared, at_or_below, spot, framework, block, dps)
  SELECT coalesce(p.scope, 'all'), p.quarter, count(*), sum(p.price), min(p.price), max(p.price),
    percentile_cont(0.25) WITHIN GROUP (ORDER BY p.price), percentile_cont(0.5) WITHIN GROUP (ORDER BY p.price), percentile_cont(0.75) WITHIN GROUP (ORDER BY p.price),
    count(p.rate), count(*) FILTER (WHERE p.price <= p.rate),
    count(*) FILTER (WHERE p.contract_type = 'spot'), count(*) FILTER (WHERE p.contract_type = 'framework'),
    count(*) FILTER (WHERE p.contract_type = 'block'), count(*) FILTER (WHERE p.contract_type = 'dps')
  FROM (
    SELECT market_scope(l.in_borough, l.deregistered_at) AS scope, q.quarter, pl.weekly_price_pence AS price, pl.contract_type, r.amount_pence AS rate
    FROM unnest(p_quarters) AS q(quarter)
      JOIN placements pl ON pl.start_date >= q.quarter AND pl.start_date < (q.quarter + interval '3 months')::date
      JOIN locations l ON l.id = pl.location_id
      LEFT JOIN market_usual_rate_periods r ON r.band = pl.band AND r.effective_from <= pl.start_date AND (r.effective_to IS NULL OR pl.start_date < r.effective_to)
    WHERE market_is_care_home_band(pl.band) AND l.deregistered_at IS NULL) p
  GROUP BY GROUPING SETS ((p.scope, p.quarter), (p.quarter));
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION market_recompute_flows(p_days date[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_days IS NULL OR cardinality(p_days) = 0 THEN RETURN; END IF;
  DELETE FROM market_placement_flows WHERE day = ANY(p_days);
  INSERT INTO market_placement_flows (scope, day, funding, kind, starts, starts_spot, start_hours, start_rate_sum_pence, start_rate_n, ends, end_hours, end_rate_sum_pence, end_rate_n)
  SELECT f.scope, f.day, f.funding, f.kind, sum(f.starts), sum(f.starts_spot), sum(f.start_hours), sum(f.start_rate), sum(f.start_rate_n),
    sum(f.ends), sum(f.end_hours), sum(f.end_rate), sum(f.end_rate_n)
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
  GROUP BY f.scope, f.day, f.funding, f.kind;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION market_recompute_open_placements(p_locations uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_locations IS NULL OR cardinality(p_locations) = 0 THEN RETURN; END IF;
  DELETE FROM location_open_placements WHERE location_id = ANY(p_locations);
  INSERT INTO location_open_placements (location_id, council_open, council_priced_open, council_priced_sum_pence)
  SELECT pl.location_id, count(*), count(*) FILTER (WHERE pl.band <> 'individual'), coalesce(sum(pl.weekly_price_pence) FILTER (WHERE pl.band <> 'individual'), 0)
  FROM placements pl
  WHERE pl.location_id = ANY(p_locations) AND pl.end_date IS NULL AND pl.funding IN ('council', 'joint')
  GROUP BY pl.location_id;
END $$;
--> statement-breakpoint
-- A placement statement: days its rows start or end on, quarters of care home prices it changed, locations.
CREATE OR REPLACE FUNCTION market_placements_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_days date[] := '{}';
  v_price_days date[] := '{}';
  v_locations uuid[] := '{}';
BEGIN
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
SELECT market_rebuild_aggregates();
