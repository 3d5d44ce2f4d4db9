-- A data version must survive the demo's reset (which truncates every table, data_versions too) and never repeat:
-- the bump now creates the area's row when it is missing, and takes its value from a sequence no truncation
-- restarts, so a report cached in a running server under an earlier version is never mistaken for a fresh one.
-- (Before, an emptied data_versions table meant no report was ever cached: the borough bench never hit.)
CREATE SEQUENCE IF NOT EXISTS data_versions_seq;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_versions (area, version) VALUES (TG_ARGV[0], nextval('data_versions_seq'))
  ON CONFLICT (area) DO UPDATE SET version = nextval('data_versions_seq');
  RETURN NULL;
END $$;
--> statement-breakpoint
UPDATE data_versions SET version = nextval('data_versions_seq');
