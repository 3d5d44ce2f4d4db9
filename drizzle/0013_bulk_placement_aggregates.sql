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
-- The placements trigger (0001), now skipped while a bulk load has set steward.market_bulk in its transaction.
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
