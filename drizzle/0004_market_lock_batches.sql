-- Market aggregate locks at national scale (issue 14). 0001's recomputes take one transaction-scoped advisory lock
-- per key (quarter or location), held until the transaction ends; a transaction writing returns or placements for
-- thousands of homes (a national Capacity Tracker extract, a CQC re-import moving homes in or out of the borough,
-- market_rebuild_aggregates()) took one lock per home and ran out of PostgreSQL's shared lock table ("out of
-- shared memory", max_locks_per_transaction), so the whole import failed.
-- Now each lock class also has one class-wide lock, (140000, the class), taken before any of the class's keys:
-- * a transaction that has taken at most market_lock_keys_limit() keys of a class holds the class-wide lock in
--   shared mode (writers of different keys still run side by side) and its keys as before, in ascending order;
-- * one that would go over the limit takes the class-wide lock exclusively instead (one lock, whatever the number
--   of keys): it waits for every writer of that class and they wait for it, so what it recomputes is still never
--   recomputed by two transactions at once, and it takes no more keys of that class for the rest of the
--   transaction. An importer that knows it will touch many homes takes it up front (market_lock_wide), before any
--   key, so it never upgrades a shared lock it holds.
-- The order stays the same (class-wide lock, then keys ascending; quarters before locations), so no new deadlocks.
-- What a transaction holds is counted in transaction-local settings (set_config(..., true)), which are undone
-- with the locks when a savepoint is rolled back. Only market_lock_keys changes; the recomputes call it as before.

-- Keys of one class a transaction locks one by one before it locks the whole class instead.
CREATE OR REPLACE FUNCTION market_lock_keys_limit() RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT 500
$$;
--> statement-breakpoint
-- Lock a whole class exclusively for the rest of the transaction (re-entrant).
CREATE OR REPLACE FUNCTION market_lock_wide(p_class text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('steward.market_lock_wide_' || p_class, true) = 'on' THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock(140000, market_lock_class(p_class));
  PERFORM set_config('steward.market_lock_wide_' || p_class, 'on', true);
END $$;
--> statement-breakpoint
-- Take the locks of one class in ascending key order (re-entrant: a lock already held is taken again at no cost),
-- after the class-wide lock in shared mode; or the class-wide lock alone, exclusively, past the limit.
CREATE OR REPLACE FUNCTION market_lock_keys(p_class text, p_keys int[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  k int;
  v_keys int[];
  v_taken int;
BEGIN
  IF p_keys IS NULL OR cardinality(p_keys) = 0 THEN RETURN; END IF;
  IF current_setting('steward.market_lock_wide_' || p_class, true) = 'on' THEN RETURN; END IF;
  v_keys := ARRAY(SELECT DISTINCT x FROM unnest(p_keys) AS x WHERE x IS NOT NULL ORDER BY x);
  v_taken := coalesce(nullif(current_setting('steward.market_lock_count_' || p_class, true), '')::int, 0);
  IF v_taken + cardinality(v_keys) > market_lock_keys_limit() THEN
    PERFORM market_lock_wide(p_class);
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock_shared(140000, market_lock_class(p_class));
  FOREACH k IN ARRAY v_keys LOOP
    PERFORM pg_advisory_xact_lock(market_lock_class(p_class), k);
  END LOOP;
  PERFORM set_config('steward.market_lock_count_' || p_class, (v_taken + cardinality(v_keys))::text, true);
END $$;
