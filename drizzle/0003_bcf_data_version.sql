-- Data versions for the Better Care Fund (issue 15): every statement that writes a BCF table raises the 'bcf'
-- version in the same transaction, so the BCF figures cached under a version (src/db/bcf/cache.ts: a plan as
-- stored, its page with the national condition checks and spend, the metrics scorecard, the risk log and the home
-- dashboard's BCF section) are never served after a change, whichever path wrote it (API, return import, demo, SQL).
-- The other tables those figures read raise it too: the population series (the standardised metrics' denominators),
-- settings (the borough, which decides the default plan and Steward's own place), the contracts register (the
-- references and titles the schemes name) and the risk register (risks, their score history and the RAG bands).
-- bump_data_version() is 0001's upsert.
INSERT INTO data_versions (area, version) VALUES ('bcf', nextval('data_versions_seq')) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER bcf_plans_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bcf_plans
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('bcf');
--> statement-breakpoint
CREATE TRIGGER bcf_places_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bcf_places
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('bcf');
--> statement-breakpoint
CREATE TRIGGER bcf_income_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bcf_income
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('bcf');
--> statement-breakpoint
CREATE TRIGGER bcf_requirements_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bcf_requirements
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('bcf');
--> statement-breakpoint
CREATE TRIGGER bcf_schemes_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bcf_schemes
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('bcf');
--> statement-breakpoint
CREATE TRIGGER bcf_scheme_funding_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bcf_scheme_funding
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('bcf');
--> statement-breakpoint
CREATE TRIGGER bcf_scheme_actuals_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bcf_scheme_actuals
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('bcf');
--> statement-breakpoint
CREATE TRIGGER bcf_metric_plans_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bcf_metric_plans
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('bcf');
--> statement-breakpoint
CREATE TRIGGER bcf_metric_counts_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bcf_metric_counts
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('bcf');
--> statement-breakpoint
CREATE TRIGGER bcf_activity_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bcf_activity
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('bcf');
--> statement-breakpoint
CREATE TRIGGER bcf_demand_capacity_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bcf_demand_capacity
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('bcf');
--> statement-breakpoint
CREATE TRIGGER bcf_hicm_assessments_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bcf_hicm_assessments
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('bcf');
--> statement-breakpoint
CREATE TRIGGER bcf_risk_links_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bcf_risk_links
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('bcf');
--> statement-breakpoint
CREATE TRIGGER population_series_bcf_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON population_series
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('bcf');
--> statement-breakpoint
CREATE TRIGGER settings_bcf_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON settings
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('bcf');
--> statement-breakpoint
CREATE TRIGGER contracts_bcf_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON contracts
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('bcf');
--> statement-breakpoint
CREATE TRIGGER risks_bcf_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON risks
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('bcf');
--> statement-breakpoint
CREATE TRIGGER risk_scores_bcf_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON risk_scores
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('bcf');
--> statement-breakpoint
CREATE TRIGGER risk_bands_bcf_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON risk_bands
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('bcf');
