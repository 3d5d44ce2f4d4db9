-- Data versions (issue 15): every statement that writes to a discharge hub table (or to the provider and location
-- names its reports show) raises the 'discharge' version in the same transaction, so a report cached under the
-- version it was read at is never served after the data changed, whichever path wrote it (API, import, demo, SQL).
INSERT INTO data_versions (area, version) VALUES ('discharge', 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_versions SET version = version + 1 WHERE area = TG_ARGV[0];
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
