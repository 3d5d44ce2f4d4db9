CREATE TABLE "bcf_activity" (
	"gss_code" text NOT NULL,
	"measure" text NOT NULL,
	"year" text NOT NULL,
	"quarter" integer NOT NULL,
	"age_band" text NOT NULL,
	"admissions" integer NOT NULL,
	"source" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bcf_activity_gss_code_measure_year_quarter_age_band_pk" PRIMARY KEY("gss_code","measure","year","quarter","age_band")
);
--> statement-breakpoint
CREATE TABLE "bcf_demand_capacity" (
	"place_id" uuid NOT NULL,
	"service" text NOT NULL,
	"month" text NOT NULL,
	"demand" integer,
	"capacity" integer,
	"demand_source" text DEFAULT '' NOT NULL,
	"capacity_source" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bcf_demand_capacity_place_id_service_month_pk" PRIMARY KEY("place_id","service","month")
);
--> statement-breakpoint
CREATE TABLE "bcf_hicm_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"place_id" uuid NOT NULL,
	"change" integer NOT NULL,
	"level" text NOT NULL,
	"evidence" text NOT NULL,
	"assessed_on" date NOT NULL,
	"planned_level" text,
	"planned_by" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bcf_income" (
	"place_id" uuid NOT NULL,
	"year" text NOT NULL,
	"funding_line" text NOT NULL,
	"amount_pence" bigint NOT NULL,
	CONSTRAINT "bcf_income_place_id_year_funding_line_pk" PRIMARY KEY("place_id","year","funding_line")
);
--> statement-breakpoint
CREATE TABLE "bcf_metric_counts" (
	"place_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"year" text NOT NULL,
	"quarter" integer NOT NULL,
	"numerator" integer NOT NULL,
	"denominator" double precision NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bcf_metric_counts_place_id_metric_year_quarter_pk" PRIMARY KEY("place_id","metric","year","quarter")
);
--> statement-breakpoint
CREATE TABLE "bcf_metric_plans" (
	"place_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"year" text NOT NULL,
	"quarter" integer NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "bcf_metric_plans_place_id_metric_year_quarter_pk" PRIMARY KEY("place_id","metric","year","quarter")
);
--> statement-breakpoint
CREATE TABLE "bcf_places" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"name" text NOT NULL,
	"gss_code" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bcf_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"years" text[] NOT NULL,
	"baseline_year" text NOT NULL,
	"narrative" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bcf_requirements" (
	"place_id" uuid NOT NULL,
	"year" text NOT NULL,
	"social_care_pence" bigint NOT NULL,
	"out_of_hospital_pence" bigint NOT NULL,
	CONSTRAINT "bcf_requirements_place_id_year_pk" PRIMARY KEY("place_id","year")
);
--> statement-breakpoint
CREATE TABLE "bcf_risk_links" (
	"plan_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"scheme_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bcf_risk_links_plan_id_risk_id_pk" PRIMARY KEY("plan_id","risk_id")
);
--> statement-breakpoint
CREATE TABLE "bcf_scheme_actuals" (
	"scheme_id" uuid NOT NULL,
	"funding_line" text NOT NULL,
	"year" text NOT NULL,
	"quarter" integer NOT NULL,
	"actual_pence" bigint NOT NULL,
	"outputs" double precision,
	CONSTRAINT "bcf_scheme_actuals_scheme_id_funding_line_year_quarter_pk" PRIMARY KEY("scheme_id","funding_line","year","quarter")
);
--> statement-breakpoint
CREATE TABLE "bcf_scheme_funding" (
	"scheme_id" uuid NOT NULL,
	"funding_line" text NOT NULL,
	"year" text NOT NULL,
	"planned_pence" bigint NOT NULL,
	CONSTRAINT "bcf_scheme_funding_scheme_id_funding_line_year_pk" PRIMARY KEY("scheme_id","funding_line","year")
);
--> statement-breakpoint
CREATE TABLE "bcf_schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"ref" text NOT NULL,
	"name" text NOT NULL,
	"scheme_type" text NOT NULL,
	"sub_type" text NOT NULL,
	"objective" text DEFAULT '' NOT NULL,
	"commissioner" text NOT NULL,
	"provider" text DEFAULT '' NOT NULL,
	"area_of_spend" text NOT NULL,
	"contract_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"planned_outputs" double precision,
	"output_unit" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"provider_id" uuid,
	"location_id" uuid,
	"service_area" text NOT NULL,
	"care_group" text NOT NULL,
	"contract_form" text NOT NULL,
	"funding_source" text NOT NULL,
	"total_value_pence" bigint NOT NULL,
	"annual_value_pence" bigint NOT NULL,
	"start_date" date NOT NULL,
	"initial_end_date" date NOT NULL,
	"extension_options_months" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"extensions_taken" integer DEFAULT 0 NOT NULL,
	"break_clause_dates" date[] DEFAULT '{}'::date[] NOT NULL,
	"notice_period_months" integer DEFAULT 3 NOT NULL,
	"social_value" text,
	"lead_officer" text,
	"decision" text,
	"decision_note" text,
	"decided_at" timestamp with time zone,
	"ended_on" date,
	"end_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contracts_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "delivery_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"years" text[] NOT NULL,
	"kind" text DEFAULT 'delivery_plan' NOT NULL,
	"care_group" text,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_return_amendments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"return_id" uuid NOT NULL,
	"previous_value" double precision NOT NULL,
	"previous_comment" text,
	"previous_by" uuid,
	"previous_entered_by_staff" boolean NOT NULL,
	"amended_on" date NOT NULL,
	"amended_by" uuid,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_returns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kpi_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"value" double precision NOT NULL,
	"submitted_on" date NOT NULL,
	"submitted_by" uuid,
	"entered_by_staff" boolean DEFAULT false NOT NULL,
	"amended_on" date,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpis" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"target" double precision NOT NULL,
	"direction" text NOT NULL,
	"frequency" text NOT NULL,
	"tolerance" double precision DEFAULT 0 NOT NULL,
	"due_days" integer,
	"reporting_from" date NOT NULL,
	"retired_on" date,
	"retire_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intention_id" uuid NOT NULL,
	"text" text NOT NULL,
	"year_statuses" text[] NOT NULL,
	"responsible_service_areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"rag_override" text,
	"contract_id" uuid,
	"procurement_id" uuid,
	"contract_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"procurement_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"owner" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_intentions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"priority_id" uuid NOT NULL,
	"text" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "plan_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"completed_on" date
);
--> statement-breakpoint
CREATE TABLE "plan_priorities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "procurement_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procurement_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"planned_start" date NOT NULL,
	"planned_end" date NOT NULL,
	"actual_start" date,
	"actual_end" date,
	"not_applicable" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid,
	"intention_id" uuid,
	"title" text NOT NULL,
	"route" text NOT NULL,
	"lead_officer" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_concern_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concern_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text,
	"by_user_id" uuid,
	"occurred_on" date
);
--> statement-breakpoint
CREATE TABLE "provider_concerns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"raised_on" date NOT NULL,
	"summary" text NOT NULL,
	"status" text DEFAULT 'logged' NOT NULL,
	"closed_on" date,
	"agreed_action" text,
	"safeguarding_referral_on" date,
	"safeguarding_reference" text,
	"provider_response" text,
	"provider_responded_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"contract_id" uuid,
	"visit_date" date NOT NULL,
	"assessor_id" uuid,
	"assessor_name" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"involvement_information" text NOT NULL,
	"personalised_care" text NOT NULL,
	"safeguarding_safety" text NOT NULL,
	"staffing" text NOT NULL,
	"management" text NOT NULL,
	"overall" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"shared_on" date,
	"provider_responded_on" date,
	"provider_response" text,
	"provider_comments" text,
	"published_on" date,
	"action_plan" text,
	"action_plan_submitted_on" date,
	"action_plan_accepted_on" date,
	"action_plan_changes_requested" text,
	"action_plan_changes_requested_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_bands" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"min" integer NOT NULL,
	"max" integer NOT NULL,
	"rag" text NOT NULL,
	"label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"risk_id" uuid NOT NULL,
	"recorded_on" date NOT NULL,
	"likelihood" integer NOT NULL,
	"impact" integer NOT NULL,
	"score" integer NOT NULL,
	"note" text,
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "risks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"mitigation" text DEFAULT '' NOT NULL,
	"owner" text NOT NULL,
	"likelihood" integer NOT NULL,
	"impact" integer NOT NULL,
	"review_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"contract_id" uuid,
	"provider_id" uuid,
	"action_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risks_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "data_versions" (
	"area" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttles" (
	"email" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"provider_id" uuid,
	"provider_approver" boolean DEFAULT false NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"bytes" integer,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"actor_label" text NOT NULL,
	"rows_read" integer NOT NULL,
	"created" integer,
	"updated" integer,
	"unchanged" integer,
	"removed" integer,
	"messages" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demand_areas" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"area_type" text NOT NULL,
	"parent_code" text,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demand_rates" (
	"key" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"care_group" text NOT NULL,
	"kind" text NOT NULL,
	"service" text,
	"cells" jsonb NOT NULL,
	"share_known_to_asc" double precision DEFAULT 1 NOT NULL,
	"source" text NOT NULL,
	"source_year" integer NOT NULL,
	"history" jsonb NOT NULL,
	"is_default" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demand_scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"params" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "demand_scenarios_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "population_series" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"area_code" text NOT NULL,
	"year" integer NOT NULL,
	"sex" text NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"vintage" text NOT NULL,
	"age_from" integer[] NOT NULL,
	"counts" double precision[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_accessibility" (
	"id" uuid PRIMARY KEY NOT NULL,
	"location_id" uuid NOT NULL,
	"description" text,
	"details" text,
	"url" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_addresses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"location_id" uuid NOT NULL,
	"attention" text,
	"address_1" text NOT NULL,
	"address_2" text,
	"city" text NOT NULL,
	"region" text,
	"state_province" text NOT NULL,
	"postal_code" text NOT NULL,
	"country" text NOT NULL,
	"address_type" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_attributes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"taxonomy_term_id" uuid NOT NULL,
	"link_type" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"name" text,
	"title" text,
	"department" text,
	"email" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_cost_options" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"valid_from" text,
	"valid_to" text,
	"option" text,
	"amount_pence" integer,
	"currency" text,
	"amount_description" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_funding" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"source" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"actor_label" text NOT NULL,
	"user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"changes" jsonb NOT NULL,
	"snapshot" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_languages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"phone_id" uuid,
	"name" text,
	"code" text,
	"note" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_locations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"location_type" text NOT NULL,
	"name" text,
	"description" text,
	"latitude" double precision,
	"longitude" double precision,
	"external_identifier" text,
	"external_identifier_type" text,
	"postcode_district" text
);
--> statement-breakpoint
CREATE TABLE "directory_organization_identifiers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"identifier_scheme" text,
	"identifier_type" text NOT NULL,
	"identifier" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_organizations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"email" text,
	"website" text,
	"logo" text,
	"uri" text,
	"parent_organization_id" uuid,
	"market_provider_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_phones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid,
	"contact_id" uuid,
	"location_id" uuid,
	"number" text NOT NULL,
	"extension" integer,
	"type" text,
	"description" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_schedules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"service_at_location_id" uuid,
	"valid_from" text,
	"valid_to" text,
	"dtstart" text,
	"freq" text,
	"interval" integer,
	"byday" text,
	"bymonthday" text,
	"description" text,
	"opens_at" text,
	"closes_at" text,
	"schedule_link" text,
	"attending_type" text,
	"notes" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_search_cards" (
	"service_id" uuid PRIMARY KEY NOT NULL,
	"card" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_search_index" (
	"service_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"organization_id" uuid,
	"term_ids" uuid[] NOT NULL,
	"days" text[] NOT NULL,
	"free" boolean NOT NULL,
	"minimum_age" double precision,
	"maximum_age" double precision,
	"last_modified" timestamp with time zone NOT NULL,
	"taking_referrals" boolean,
	"area_districts" text[] NOT NULL,
	"lats" double precision[] NOT NULL,
	"lngs" double precision[] NOT NULL,
	"search_vector" "tsvector" NOT NULL,
	"name_vector" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_service_areas" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"name" text,
	"description" text,
	"extent" text,
	"extent_type" text,
	"uri" text,
	"service_area" text,
	"districts" text[] DEFAULT '{}'::text[] NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_service_at_locations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"description" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_services" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid,
	"name" text NOT NULL,
	"description" text,
	"url" text,
	"email" text,
	"status" text NOT NULL,
	"fees" text,
	"accreditations" text,
	"eligibility_description" text,
	"minimum_age" double precision,
	"maximum_age" double precision,
	"assured_date" text,
	"assurer_email" text,
	"alert" text,
	"last_modified" timestamp with time zone NOT NULL,
	"taking_referrals" boolean,
	"waiting_time_days" integer,
	"capacity_updated" text,
	"review_date" date NOT NULL,
	"last_reviewed_on" date,
	"source" text NOT NULL,
	"market_location_id" uuid,
	"contract_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"service_id" uuid,
	"proposed" jsonb NOT NULL,
	"note" text,
	"submitted_by" uuid,
	"submitter_name" text NOT NULL,
	"submitter_email" text NOT NULL,
	"submitter_organisation" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text
);
--> statement-breakpoint
CREATE TABLE "directory_taxonomies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"uri" text,
	"version" text,
	"key" text,
	"licence" text,
	"attribution" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "directory_taxonomies_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "directory_taxonomy_terms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"taxonomy_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"parent_id" uuid,
	"term_uri" text,
	"term" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discharge_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"placement_id" uuid,
	"price_pence" integer NOT NULL,
	"weekly_price_pence" integer NOT NULL,
	"awarded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"awarded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "discharge_bed_stays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bed_id" uuid NOT NULL,
	"referral_id" uuid,
	"person_ref" text NOT NULL,
	"admitted_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone,
	"outcome" text
);
--> statement-breakpoint
CREATE TABLE "discharge_block_beds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"weekly_price_pence" integer NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date
);
--> statement-breakpoint
CREATE TABLE "discharge_delays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discharge_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"request_id" uuid,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "discharge_person_details" (
	"referral_id" uuid PRIMARY KEY NOT NULL,
	"name" text,
	"nhs_number" text
);
--> statement-breakpoint
CREATE TABLE "discharge_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_ref" text NOT NULL,
	"age_band" text NOT NULL,
	"postcode_district" text NOT NULL,
	"hospital" text NOT NULL,
	"ward" text NOT NULL,
	"pathway" integer NOT NULL,
	"service_need" text NOT NULL,
	"homecare_hours_per_week" numeric(6, 2),
	"calls_per_day" integer,
	"double_handed" boolean DEFAULT false NOT NULL,
	"specialisms" text[] DEFAULT '{}'::text[] NOT NULL,
	"equipment" text[] DEFAULT '{}'::text[] NOT NULL,
	"needs_summary" text DEFAULT '' NOT NULL,
	"funding_route" text NOT NULL,
	"preferred_districts" text[] DEFAULT '{}'::text[] NOT NULL,
	"preferred_location_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"referred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"medically_optimised_at" timestamp with time zone NOT NULL,
	"request_sent_at" timestamp with time zone,
	"first_offer_at" timestamp with time zone,
	"awarded_at" timestamp with time zone,
	"discharged_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"destination" text,
	"service_ended_at" timestamp with time zone,
	"next_pathway" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discharge_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_by" uuid,
	"status" text DEFAULT 'sent' NOT NULL,
	"responded_at" timestamp with time zone,
	"responded_by" uuid,
	"price_pence" integer,
	"earliest_start" date,
	"can_assess_by" date,
	"decline_reason" text,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "postcode_districts" (
	"district" text PRIMARY KEY NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"postcodes" integer NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "published_discharge_figures" (
	"org_code" text NOT NULL,
	"org_level" text NOT NULL,
	"org_name" text,
	"date" date NOT NULL,
	"period" text DEFAULT 'day' NOT NULL,
	"metric" text NOT NULL,
	"metric_name" text NOT NULL,
	"value" double precision NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "published_discharge_figures_org_code_date_period_metric_pk" PRIMARY KEY("org_code","date","period","metric")
);
--> statement-breakpoint
CREATE TABLE "discharge_simulation_scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"scenario" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_home_capacity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid NOT NULL,
	"as_at" timestamp with time zone NOT NULL,
	"max_capacity" integer NOT NULL,
	"occupied" integer NOT NULL,
	"vacant_reserved" integer DEFAULT 0 NOT NULL,
	"vacant_accepting" integer DEFAULT 0 NOT NULL,
	"residential_max" integer,
	"residential_occupied" integer,
	"residential_vacant_accepting" integer,
	"nursing_max" integer,
	"nursing_occupied" integer,
	"nursing_vacant_accepting" integer,
	"dementia_max" integer,
	"dementia_occupied" integer,
	"dementia_vacant_accepting" integer,
	"vacant_closed" integer DEFAULT 0 NOT NULL,
	"closed_reason" text,
	"closed_note" text,
	"held_for_assessment" integer DEFAULT 0 NOT NULL,
	"no_change" boolean DEFAULT false NOT NULL,
	"nil_return" boolean DEFAULT false NOT NULL,
	"source" text DEFAULT 'provider' NOT NULL,
	"reported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_home_latest" (
	"location_id" uuid PRIMARY KEY NOT NULL,
	"return_id" uuid NOT NULL,
	"as_at" timestamp with time zone NOT NULL,
	"max_capacity" integer NOT NULL,
	"occupied" integer NOT NULL,
	"vacant_reserved" integer NOT NULL,
	"vacant_accepting" integer NOT NULL,
	"residential_max" integer,
	"residential_occupied" integer,
	"residential_vacant_accepting" integer,
	"nursing_max" integer,
	"nursing_occupied" integer,
	"nursing_vacant_accepting" integer,
	"dementia_max" integer,
	"dementia_occupied" integer,
	"dementia_vacant_accepting" integer
);
--> statement-breakpoint
CREATE TABLE "care_home_monthly" (
	"location_id" uuid NOT NULL,
	"month" date NOT NULL,
	"as_at" timestamp with time zone NOT NULL,
	"max_capacity" integer NOT NULL,
	"occupied" integer NOT NULL,
	"vacant_accepting" integer NOT NULL,
	CONSTRAINT "care_home_monthly_location_id_month_pk" PRIMARY KEY("location_id","month")
);
--> statement-breakpoint
CREATE TABLE "cost_of_care" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service" text NOT NULL,
	"effective_from" date NOT NULL,
	"amount_pence" integer NOT NULL,
	"unit" text DEFAULT 'week' NOT NULL,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "homecare_capacity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid NOT NULL,
	"as_at" timestamp with time zone NOT NULL,
	"area" text DEFAULT '' NOT NULL,
	"people_supported" integer NOT NULL,
	"hours_per_week" numeric(10, 2) NOT NULL,
	"new_hours_available" numeric(10, 2) DEFAULT '0' NOT NULL,
	"no_change" boolean DEFAULT false NOT NULL,
	"source" text DEFAULT 'provider' NOT NULL,
	"reported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "homecare_latest" (
	"location_id" uuid NOT NULL,
	"area" text NOT NULL,
	"as_at" timestamp with time zone NOT NULL,
	"people_supported" integer NOT NULL,
	"hours_per_week" numeric(10, 2) NOT NULL,
	"new_hours_available" numeric(10, 2) NOT NULL,
	CONSTRAINT "homecare_latest_location_id_area_pk" PRIMARY KEY("location_id","area")
);
--> statement-breakpoint
CREATE TABLE "location_open_placements" (
	"location_id" uuid PRIMARY KEY NOT NULL,
	"council_open" integer NOT NULL,
	"council_priced_open" integer NOT NULL,
	"council_priced_sum_pence" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"cqc_location_id" text,
	"name" text NOT NULL,
	"also_known_as" text,
	"address" text DEFAULT '' NOT NULL,
	"postcode" text DEFAULT '' NOT NULL,
	"postcode_district" text DEFAULT '' NOT NULL,
	"local_authority_gss" text,
	"local_authority_name" text,
	"region" text,
	"phone" text,
	"website" text,
	"location_url" text,
	"service_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"specialisms" text[] DEFAULT '{}'::text[] NOT NULL,
	"service_user_bands" text[] DEFAULT '{}'::text[] NOT NULL,
	"registered_beds" integer,
	"cqc_rating" text,
	"cqc_rating_date" date,
	"cqc_last_check" date,
	"cqc_key_question_ratings" jsonb,
	"ods_code" text,
	"in_borough" boolean DEFAULT false NOT NULL,
	"on_framework" boolean DEFAULT false NOT NULL,
	"on_dps" boolean DEFAULT false NOT NULL,
	"council_quality_rating" text,
	"council_quality_rating_date" date,
	"self_funder_weekly_fee_pence" integer,
	"registered_at" date,
	"deregistered_at" timestamp with time zone,
	"lat" double precision,
	"lng" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "locations_cqc_location_id_unique" UNIQUE("cqc_location_id")
);
--> statement-breakpoint
CREATE TABLE "market_placement_flows" (
	"scope" text NOT NULL,
	"day" date NOT NULL,
	"funding" text NOT NULL,
	"kind" text NOT NULL,
	"starts" integer NOT NULL,
	"starts_spot" integer NOT NULL,
	"start_hours" numeric(14, 2) NOT NULL,
	"start_rate_sum_pence" bigint NOT NULL,
	"start_rate_n" integer NOT NULL,
	"ends" integer NOT NULL,
	"end_hours" numeric(14, 2) NOT NULL,
	"end_rate_sum_pence" bigint NOT NULL,
	"end_rate_n" integer NOT NULL,
	CONSTRAINT "market_placement_flows_scope_day_funding_kind_pk" PRIMARY KEY("scope","day","funding","kind")
);
--> statement-breakpoint
CREATE TABLE "market_price_days" (
	"scope" text NOT NULL,
	"day" date NOT NULL,
	"bin_pence" integer NOT NULL,
	"n" integer NOT NULL,
	"price_sum_pence" bigint NOT NULL,
	"compared" integer NOT NULL,
	"at_or_below" integer NOT NULL,
	CONSTRAINT "market_price_days_scope_day_bin_pence_pk" PRIMARY KEY("scope","day","bin_pence")
);
--> statement-breakpoint
CREATE TABLE "market_price_quarters" (
	"scope" text NOT NULL,
	"quarter" date NOT NULL,
	"n" integer NOT NULL,
	"price_sum_pence" bigint NOT NULL,
	"min_pence" integer NOT NULL,
	"max_pence" integer NOT NULL,
	"q1_pence" double precision NOT NULL,
	"median_pence" double precision NOT NULL,
	"q3_pence" double precision NOT NULL,
	"compared" integer NOT NULL,
	"at_or_below" integer NOT NULL,
	"spot" integer NOT NULL,
	"framework" integer NOT NULL,
	"block" integer NOT NULL,
	"dps" integer NOT NULL,
	CONSTRAINT "market_price_quarters_scope_quarter_pk" PRIMARY KEY("scope","quarter")
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_ref" text NOT NULL,
	"location_id" uuid NOT NULL,
	"service_type" text NOT NULL,
	"band" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"weekly_price_pence" integer NOT NULL,
	"hours_per_week" numeric(8, 2),
	"hourly_rate_pence" integer,
	"top_up_weekly_pence" integer DEFAULT 0 NOT NULL,
	"funding" text DEFAULT 'council' NOT NULL,
	"contract_type" text DEFAULT 'spot' NOT NULL,
	"purpose" text DEFAULT 'long_term' NOT NULL,
	"origin" text,
	"origin_ref" text,
	"end_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placements_end_after_start" CHECK ("placements"."end_date" is null or "placements"."end_date" >= "placements"."start_date")
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cqc_provider_id" text,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "providers_cqc_provider_id_unique" UNIQUE("cqc_provider_id")
);
--> statement-breakpoint
CREATE TABLE "self_funder_fees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid NOT NULL,
	"band" text NOT NULL,
	"weekly_fee_pence" integer NOT NULL,
	"effective_from" date NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usual_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"band" text NOT NULL,
	"effective_from" date NOT NULL,
	"amount_pence" integer NOT NULL,
	"unit" text DEFAULT 'week' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workforce_latest" (
	"location_id" uuid PRIMARY KEY NOT NULL,
	"as_at" timestamp with time zone NOT NULL,
	"nurses" integer NOT NULL,
	"care_staff" integer NOT NULL,
	"non_care_staff" integer NOT NULL,
	"agency_staff" integer NOT NULL,
	"vacancies" integer,
	"absences" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workforce_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid NOT NULL,
	"as_at" timestamp with time zone NOT NULL,
	"nurses" integer DEFAULT 0 NOT NULL,
	"care_staff" integer DEFAULT 0 NOT NULL,
	"non_care_staff" integer DEFAULT 0 NOT NULL,
	"agency_staff" integer DEFAULT 0 NOT NULL,
	"vacancies" integer,
	"absences" integer DEFAULT 0 NOT NULL,
	"no_change" boolean DEFAULT false NOT NULL,
	"source" text DEFAULT 'provider' NOT NULL,
	"reported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mps_block_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"section_key" text NOT NULL,
	"block_key" text NOT NULL,
	"version" integer NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"author_label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mps_editions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"published_on" date NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"published_by_label" text,
	"as_at" date NOT NULL,
	"statement" jsonb NOT NULL,
	CONSTRAINT "mps_editions_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "mps_review_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sequence" bigserial NOT NULL,
	"section_key" text NOT NULL,
	"action" text NOT NULL,
	"by_user_id" uuid,
	"by_label" text,
	"comment" text,
	"versions" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bcf_demand_capacity" ADD CONSTRAINT "bcf_demand_capacity_place_id_bcf_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."bcf_places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_hicm_assessments" ADD CONSTRAINT "bcf_hicm_assessments_place_id_bcf_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."bcf_places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_income" ADD CONSTRAINT "bcf_income_place_id_bcf_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."bcf_places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_metric_counts" ADD CONSTRAINT "bcf_metric_counts_place_id_bcf_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."bcf_places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_metric_plans" ADD CONSTRAINT "bcf_metric_plans_place_id_bcf_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."bcf_places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_places" ADD CONSTRAINT "bcf_places_plan_id_bcf_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."bcf_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_requirements" ADD CONSTRAINT "bcf_requirements_place_id_bcf_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."bcf_places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_risk_links" ADD CONSTRAINT "bcf_risk_links_plan_id_bcf_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."bcf_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_risk_links" ADD CONSTRAINT "bcf_risk_links_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_risk_links" ADD CONSTRAINT "bcf_risk_links_scheme_id_bcf_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."bcf_schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_scheme_actuals" ADD CONSTRAINT "bcf_scheme_actuals_scheme_id_bcf_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."bcf_schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_scheme_funding" ADD CONSTRAINT "bcf_scheme_funding_scheme_id_bcf_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."bcf_schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_schemes" ADD CONSTRAINT "bcf_schemes_plan_id_bcf_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."bcf_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_schemes" ADD CONSTRAINT "bcf_schemes_place_id_bcf_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."bcf_places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_return_amendments" ADD CONSTRAINT "kpi_return_amendments_return_id_kpi_returns_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."kpi_returns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_returns" ADD CONSTRAINT "kpi_returns_kpi_id_kpis_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpis"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_intention_id_plan_intentions_id_fk" FOREIGN KEY ("intention_id") REFERENCES "public"."plan_intentions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_intentions" ADD CONSTRAINT "plan_intentions_priority_id_plan_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."plan_priorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_milestones" ADD CONSTRAINT "plan_milestones_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_priorities" ADD CONSTRAINT "plan_priorities_plan_id_delivery_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."delivery_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_stages" ADD CONSTRAINT "procurement_stages_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurements" ADD CONSTRAINT "procurements_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurements" ADD CONSTRAINT "procurements_intention_id_plan_intentions_id_fk" FOREIGN KEY ("intention_id") REFERENCES "public"."plan_intentions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_concern_events" ADD CONSTRAINT "provider_concern_events_concern_id_provider_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."provider_concerns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_concerns" ADD CONSTRAINT "provider_concerns_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_concerns" ADD CONSTRAINT "provider_concerns_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_assessments" ADD CONSTRAINT "quality_assessments_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_assessments" ADD CONSTRAINT "quality_assessments_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_assessments" ADD CONSTRAINT "quality_assessments_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_scores" ADD CONSTRAINT "risk_scores_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "population_series" ADD CONSTRAINT "population_series_area_code_demand_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."demand_areas"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_accessibility" ADD CONSTRAINT "directory_accessibility_location_id_directory_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."directory_locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_addresses" ADD CONSTRAINT "directory_addresses_location_id_directory_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."directory_locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_attributes" ADD CONSTRAINT "directory_attributes_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_attributes" ADD CONSTRAINT "directory_attributes_taxonomy_term_id_directory_taxonomy_terms_id_fk" FOREIGN KEY ("taxonomy_term_id") REFERENCES "public"."directory_taxonomy_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_contacts" ADD CONSTRAINT "directory_contacts_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_cost_options" ADD CONSTRAINT "directory_cost_options_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_funding" ADD CONSTRAINT "directory_funding_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_languages" ADD CONSTRAINT "directory_languages_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_organization_identifiers" ADD CONSTRAINT "directory_organization_identifiers_organization_id_directory_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."directory_organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_organizations" ADD CONSTRAINT "directory_organizations_market_provider_id_providers_id_fk" FOREIGN KEY ("market_provider_id") REFERENCES "public"."providers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_phones" ADD CONSTRAINT "directory_phones_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_phones" ADD CONSTRAINT "directory_phones_contact_id_directory_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."directory_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_phones" ADD CONSTRAINT "directory_phones_location_id_directory_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."directory_locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_schedules" ADD CONSTRAINT "directory_schedules_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_search_cards" ADD CONSTRAINT "directory_search_cards_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_search_index" ADD CONSTRAINT "directory_search_index_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_service_areas" ADD CONSTRAINT "directory_service_areas_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_service_at_locations" ADD CONSTRAINT "directory_service_at_locations_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_service_at_locations" ADD CONSTRAINT "directory_service_at_locations_location_id_directory_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."directory_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_services" ADD CONSTRAINT "directory_services_organization_id_directory_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."directory_organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_suggestions" ADD CONSTRAINT "directory_suggestions_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_taxonomy_terms" ADD CONSTRAINT "directory_taxonomy_terms_taxonomy_id_directory_taxonomies_id_fk" FOREIGN KEY ("taxonomy_id") REFERENCES "public"."directory_taxonomies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharge_awards" ADD CONSTRAINT "discharge_awards_referral_id_discharge_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."discharge_referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharge_awards" ADD CONSTRAINT "discharge_awards_request_id_discharge_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."discharge_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharge_awards" ADD CONSTRAINT "discharge_awards_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharge_awards" ADD CONSTRAINT "discharge_awards_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharge_bed_stays" ADD CONSTRAINT "discharge_bed_stays_bed_id_discharge_block_beds_id_fk" FOREIGN KEY ("bed_id") REFERENCES "public"."discharge_block_beds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharge_bed_stays" ADD CONSTRAINT "discharge_bed_stays_referral_id_discharge_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."discharge_referrals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharge_block_beds" ADD CONSTRAINT "discharge_block_beds_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharge_delays" ADD CONSTRAINT "discharge_delays_referral_id_discharge_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."discharge_referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharge_notifications" ADD CONSTRAINT "discharge_notifications_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharge_notifications" ADD CONSTRAINT "discharge_notifications_request_id_discharge_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."discharge_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharge_person_details" ADD CONSTRAINT "discharge_person_details_referral_id_discharge_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."discharge_referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharge_requests" ADD CONSTRAINT "discharge_requests_referral_id_discharge_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."discharge_referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharge_requests" ADD CONSTRAINT "discharge_requests_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharge_requests" ADD CONSTRAINT "discharge_requests_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_home_capacity" ADD CONSTRAINT "care_home_capacity_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_home_latest" ADD CONSTRAINT "care_home_latest_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_home_monthly" ADD CONSTRAINT "care_home_monthly_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homecare_capacity" ADD CONSTRAINT "homecare_capacity_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homecare_latest" ADD CONSTRAINT "homecare_latest_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_open_placements" ADD CONSTRAINT "location_open_placements_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_funder_fees" ADD CONSTRAINT "self_funder_fees_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_latest" ADD CONSTRAINT "workforce_latest_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_snapshots" ADD CONSTRAINT "workforce_snapshots_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mps_block_versions" ADD CONSTRAINT "mps_block_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mps_editions" ADD CONSTRAINT "mps_editions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mps_review_events" ADD CONSTRAINT "mps_review_events_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bcf_hicm_place_change_idx" ON "bcf_hicm_assessments" USING btree ("place_id","change","assessed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "bcf_places_plan_gss_uq" ON "bcf_places" USING btree ("plan_id","gss_code");--> statement-breakpoint
CREATE INDEX "bcf_risk_links_scheme_idx" ON "bcf_risk_links" USING btree ("scheme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bcf_schemes_plan_ref_uq" ON "bcf_schemes" USING btree ("plan_id","ref");--> statement-breakpoint
CREATE INDEX "bcf_schemes_place_idx" ON "bcf_schemes" USING btree ("place_id");--> statement-breakpoint
CREATE INDEX "contracts_provider_idx" ON "contracts" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "contracts_end_idx" ON "contracts" USING btree ("initial_end_date");--> statement-breakpoint
CREATE INDEX "kpi_return_amendments_return_idx" ON "kpi_return_amendments" USING btree ("return_id");--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_returns_period_uq" ON "kpi_returns" USING btree ("kpi_id","period_start");--> statement-breakpoint
CREATE INDEX "kpis_contract_idx" ON "kpis" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "plan_actions_intention_idx" ON "plan_actions" USING btree ("intention_id");--> statement-breakpoint
CREATE INDEX "plan_milestones_action_idx" ON "plan_milestones" USING btree ("action_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_priorities_uq" ON "plan_priorities" USING btree ("plan_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "procurement_stages_uq" ON "procurement_stages" USING btree ("procurement_id","stage");--> statement-breakpoint
CREATE INDEX "procurements_contract_idx" ON "procurements" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "provider_concern_events_concern_idx" ON "provider_concern_events" USING btree ("concern_id","at");--> statement-breakpoint
CREATE INDEX "provider_concerns_location_idx" ON "provider_concerns" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "quality_assessments_location_idx" ON "quality_assessments" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "quality_assessments_provider_idx" ON "quality_assessments" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "risk_scores_risk_idx" ON "risk_scores" USING btree ("risk_id","recorded_on");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "import_runs_kind_at_idx" ON "import_runs" USING btree ("kind","imported_at");--> statement-breakpoint
CREATE UNIQUE INDEX "population_series_uq" ON "population_series" USING btree ("area_code","kind","vintage","year","sex");--> statement-breakpoint
CREATE INDEX "population_series_area_idx" ON "population_series" USING btree ("area_code");--> statement-breakpoint
CREATE INDEX "directory_accessibility_location_idx" ON "directory_accessibility" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "directory_addresses_location_idx" ON "directory_addresses" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "directory_attributes_service_idx" ON "directory_attributes" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "directory_attributes_term_idx" ON "directory_attributes" USING btree ("taxonomy_term_id");--> statement-breakpoint
CREATE INDEX "directory_contacts_service_idx" ON "directory_contacts" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "directory_costs_service_idx" ON "directory_cost_options" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "directory_funding_service_idx" ON "directory_funding" USING btree ("service_id");--> statement-breakpoint
CREATE UNIQUE INDEX "directory_history_uq" ON "directory_history" USING btree ("service_id","version");--> statement-breakpoint
CREATE INDEX "directory_languages_service_idx" ON "directory_languages" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "directory_locations_lat_idx" ON "directory_locations" USING btree ("latitude");--> statement-breakpoint
CREATE INDEX "directory_locations_district_idx" ON "directory_locations" USING btree ("postcode_district");--> statement-breakpoint
CREATE INDEX "directory_org_ids_org_idx" ON "directory_organization_identifiers" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "directory_org_ids_value_idx" ON "directory_organization_identifiers" USING btree ("identifier");--> statement-breakpoint
CREATE INDEX "directory_orgs_name_idx" ON "directory_organizations" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "directory_orgs_provider_uq" ON "directory_organizations" USING btree ("market_provider_id");--> statement-breakpoint
CREATE INDEX "directory_phones_service_idx" ON "directory_phones" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "directory_phones_contact_idx" ON "directory_phones" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "directory_phones_location_idx" ON "directory_phones" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "directory_schedules_service_idx" ON "directory_schedules" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "directory_search_vector_idx" ON "directory_search_index" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "directory_search_terms_idx" ON "directory_search_index" USING gin ("term_ids");--> statement-breakpoint
CREATE INDEX "directory_search_modified_idx" ON "directory_search_index" USING btree ("last_modified");--> statement-breakpoint
CREATE INDEX "directory_areas_service_idx" ON "directory_service_areas" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "directory_areas_districts_idx" ON "directory_service_areas" USING gin ("districts");--> statement-breakpoint
CREATE INDEX "directory_sal_service_idx" ON "directory_service_at_locations" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "directory_sal_location_idx" ON "directory_service_at_locations" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "directory_services_modified_idx" ON "directory_services" USING btree ("last_modified");--> statement-breakpoint
CREATE INDEX "directory_services_review_idx" ON "directory_services" USING btree ("review_date");--> statement-breakpoint
CREATE INDEX "directory_services_org_idx" ON "directory_services" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "directory_services_market_uq" ON "directory_services" USING btree ("market_location_id");--> statement-breakpoint
CREATE UNIQUE INDEX "directory_services_contract_uq" ON "directory_services" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "directory_suggestions_status_idx" ON "directory_suggestions" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "directory_terms_taxonomy_idx" ON "directory_taxonomy_terms" USING btree ("taxonomy_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "discharge_awards_referral_uq" ON "discharge_awards" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "discharge_bed_stays_bed_idx" ON "discharge_bed_stays" USING btree ("bed_id","admitted_at");--> statement-breakpoint
CREATE INDEX "discharge_bed_stays_referral_idx" ON "discharge_bed_stays" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "discharge_block_beds_location_idx" ON "discharge_block_beds" USING btree ("location_id","kind");--> statement-breakpoint
CREATE INDEX "discharge_delays_referral_idx" ON "discharge_delays" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "discharge_notifications_provider_idx" ON "discharge_notifications" USING btree ("provider_id","created_at");--> statement-breakpoint
CREATE INDEX "discharge_referrals_open_idx" ON "discharge_referrals" USING btree ("discharged_at","cancelled_at");--> statement-breakpoint
CREATE INDEX "discharge_referrals_mo_idx" ON "discharge_referrals" USING btree ("medically_optimised_at");--> statement-breakpoint
CREATE INDEX "discharge_referrals_referred_idx" ON "discharge_referrals" USING btree ("referred_at");--> statement-breakpoint
CREATE INDEX "discharge_referrals_person_idx" ON "discharge_referrals" USING btree ("person_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "discharge_requests_referral_location_uq" ON "discharge_requests" USING btree ("referral_id","location_id");--> statement-breakpoint
CREATE INDEX "discharge_requests_provider_idx" ON "discharge_requests" USING btree ("provider_id","sent_at");--> statement-breakpoint
CREATE INDEX "published_discharge_figures_metric_idx" ON "published_discharge_figures" USING btree ("metric","org_code","date");--> statement-breakpoint
CREATE UNIQUE INDEX "discharge_simulation_scenarios_name_uq" ON "discharge_simulation_scenarios" USING btree ("name");--> statement-breakpoint
CREATE INDEX "discharge_simulation_scenarios_updated_idx" ON "discharge_simulation_scenarios" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "care_home_capacity_location_asat_idx" ON "care_home_capacity" USING btree ("location_id","as_at");--> statement-breakpoint
CREATE INDEX "care_home_monthly_month_idx" ON "care_home_monthly" USING btree ("month");--> statement-breakpoint
CREATE UNIQUE INDEX "cost_of_care_service_from_uq" ON "cost_of_care" USING btree ("service","effective_from");--> statement-breakpoint
CREATE INDEX "homecare_capacity_location_asat_idx" ON "homecare_capacity" USING btree ("location_id","as_at");--> statement-breakpoint
CREATE INDEX "locations_provider_idx" ON "locations" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "locations_la_idx" ON "locations" USING btree ("local_authority_gss");--> statement-breakpoint
CREATE INDEX "locations_district_idx" ON "locations" USING btree ("postcode_district");--> statement-breakpoint
CREATE INDEX "placements_location_start_idx" ON "placements" USING btree ("location_id","start_date","band","weekly_price_pence","contract_type","funding");--> statement-breakpoint
CREATE INDEX "placements_start_idx" ON "placements" USING btree ("start_date");--> statement-breakpoint
CREATE INDEX "placements_person_idx" ON "placements" USING btree ("person_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "placements_import_ref_uq" ON "placements" USING btree ("origin_ref") WHERE "placements"."origin" = 'import';--> statement-breakpoint
CREATE INDEX "placements_open_idx" ON "placements" USING btree ("funding","location_id","start_date","band","weekly_price_pence") WHERE "placements"."end_date" is null;--> statement-breakpoint
CREATE INDEX "placements_ended_idx" ON "placements" USING btree ("end_date","funding","location_id","start_date","band","weekly_price_pence") WHERE "placements"."end_date" is not null;--> statement-breakpoint
CREATE INDEX "providers_name_idx" ON "providers" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "self_funder_fees_uq" ON "self_funder_fees" USING btree ("location_id","band","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "usual_rates_band_from_uq" ON "usual_rates" USING btree ("band","effective_from");--> statement-breakpoint
CREATE INDEX "workforce_snapshots_location_asat_idx" ON "workforce_snapshots" USING btree ("location_id","as_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mps_block_versions_uq" ON "mps_block_versions" USING btree ("section_key","block_key","version");--> statement-breakpoint
CREATE INDEX "mps_review_events_section_idx" ON "mps_review_events" USING btree ("section_key","sequence");