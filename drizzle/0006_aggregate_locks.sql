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

-- ---- Returns: the recompute (returns edited or removed) and the insert upserts lock the location first ----
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
CREATE OR REPLACE FUNCTION market_care_home_returns_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM market_lock_locations('return_location', ARRAY(SELECT DISTINCT location_id FROM new_rows));
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
  PERFORM market_lock_locations('return_location', ARRAY(SELECT DISTINCT location_id FROM new_rows));
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
  PERFORM market_lock_locations('return_location', ARRAY(SELECT DISTINCT location_id FROM new_rows));
  INSERT INTO homecare_latest
  SELECT DISTINCT ON (h.location_id, h.area) h.location_id, h.area, h.as_at, h.people_supported, h.hours_per_week, h.new_hours_available
  FROM new_rows h ORDER BY h.location_id, h.area, h.as_at DESC, h.created_at DESC
  ON CONFLICT (location_id, area) DO UPDATE SET as_at = excluded.as_at, people_supported = excluded.people_supported,
    hours_per_week = excluded.hours_per_week, new_hours_available = excluded.new_hours_available
  WHERE excluded.as_at >= homecare_latest.as_at;
  RETURN NULL;
END $$;
--> statement-breakpoint

-- ---- Placements: lock the quarters of the days, upsert the fresh figures, delete keys left empty ----
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
