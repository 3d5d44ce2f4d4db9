-- Two capacity returns for one home sent at the same moment (the same as_at to the millisecond) left
-- care_home_latest and care_home_monthly holding whichever transaction committed last, while a full
-- recomputation picks by (as_at, created_at): the two disagreed (src/server/concurrency.int.test.ts on PostgreSQL).
-- The insert triggers now take the location lock and then read the winner from the returns table itself, one
-- index probe per key (a new statement, so under READ COMMITTED it sees every return committed before the lock),
-- and every recompute breaks a tie on as_at by created_at, then id: one order everywhere, so live equals rebuilt.
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
