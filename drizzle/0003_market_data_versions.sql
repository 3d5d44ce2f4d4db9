-- Data versions for the market area (issue 15): every statement that writes a market table (a source table or
-- one of the derived aggregate tables 0001 keeps) raises the 'market' version in the same transaction, so the
-- market figures cached under a version (src/db/market/dashboard.ts: capacity and price summaries, used by the
-- home dashboard, the market pages and the draft market position statement) are never served after a change,
-- whichever path wrote it (API, import, bulk rebuild, demo, SQL). bump_data_version() is 0002's upsert.
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
