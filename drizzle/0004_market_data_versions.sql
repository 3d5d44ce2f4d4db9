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
