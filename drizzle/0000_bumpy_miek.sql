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
	"no_change" boolean DEFAULT false NOT NULL,
	"source" text DEFAULT 'provider' NOT NULL,
	"reported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
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
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
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
CREATE TABLE "workforce_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid NOT NULL,
	"as_at" timestamp with time zone NOT NULL,
	"nurses" integer DEFAULT 0 NOT NULL,
	"care_staff" integer DEFAULT 0 NOT NULL,
	"non_care_staff" integer DEFAULT 0 NOT NULL,
	"agency_staff" integer DEFAULT 0 NOT NULL,
	"vacancies" integer DEFAULT 0 NOT NULL,
	"absences" integer DEFAULT 0 NOT NULL,
	"no_change" boolean DEFAULT false NOT NULL,
	"source" text DEFAULT 'provider' NOT NULL,
	"reported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "care_home_capacity" ADD CONSTRAINT "care_home_capacity_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homecare_capacity" ADD CONSTRAINT "homecare_capacity_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_snapshots" ADD CONSTRAINT "workforce_snapshots_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_home_capacity_location_asat_idx" ON "care_home_capacity" USING btree ("location_id","as_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cost_of_care_service_from_uq" ON "cost_of_care" USING btree ("service","effective_from");--> statement-breakpoint
CREATE INDEX "homecare_capacity_location_asat_idx" ON "homecare_capacity" USING btree ("location_id","as_at");--> statement-breakpoint
CREATE INDEX "locations_provider_idx" ON "locations" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "locations_la_idx" ON "locations" USING btree ("local_authority_gss");--> statement-breakpoint
CREATE INDEX "locations_district_idx" ON "locations" USING btree ("postcode_district");--> statement-breakpoint
CREATE INDEX "placements_location_idx" ON "placements" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "placements_start_idx" ON "placements" USING btree ("start_date");--> statement-breakpoint
CREATE INDEX "placements_person_idx" ON "placements" USING btree ("person_ref");--> statement-breakpoint
CREATE INDEX "providers_name_idx" ON "providers" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "usual_rates_band_from_uq" ON "usual_rates" USING btree ("band","effective_from");--> statement-breakpoint
CREATE INDEX "workforce_snapshots_location_asat_idx" ON "workforce_snapshots" USING btree ("location_id","as_at");