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
ALTER TABLE "bcf_demand_capacity" ADD CONSTRAINT "bcf_demand_capacity_place_id_bcf_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."bcf_places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_hicm_assessments" ADD CONSTRAINT "bcf_hicm_assessments_place_id_bcf_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."bcf_places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_income" ADD CONSTRAINT "bcf_income_place_id_bcf_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."bcf_places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_metric_counts" ADD CONSTRAINT "bcf_metric_counts_place_id_bcf_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."bcf_places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_metric_plans" ADD CONSTRAINT "bcf_metric_plans_place_id_bcf_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."bcf_places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_places" ADD CONSTRAINT "bcf_places_plan_id_bcf_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."bcf_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_requirements" ADD CONSTRAINT "bcf_requirements_place_id_bcf_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."bcf_places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_scheme_actuals" ADD CONSTRAINT "bcf_scheme_actuals_scheme_id_bcf_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."bcf_schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_scheme_funding" ADD CONSTRAINT "bcf_scheme_funding_scheme_id_bcf_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."bcf_schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_schemes" ADD CONSTRAINT "bcf_schemes_plan_id_bcf_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."bcf_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_schemes" ADD CONSTRAINT "bcf_schemes_place_id_bcf_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."bcf_places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bcf_hicm_place_change_idx" ON "bcf_hicm_assessments" USING btree ("place_id","change","assessed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "bcf_places_plan_gss_uq" ON "bcf_places" USING btree ("plan_id","gss_code");--> statement-breakpoint
CREATE UNIQUE INDEX "bcf_schemes_plan_ref_uq" ON "bcf_schemes" USING btree ("plan_id","ref");--> statement-breakpoint
CREATE INDEX "bcf_schemes_place_idx" ON "bcf_schemes" USING btree ("place_id");