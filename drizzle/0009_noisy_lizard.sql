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
CREATE TABLE "workforce_latest" (
	"location_id" uuid PRIMARY KEY NOT NULL,
	"as_at" timestamp with time zone NOT NULL,
	"nurses" integer NOT NULL,
	"care_staff" integer NOT NULL,
	"non_care_staff" integer NOT NULL,
	"agency_staff" integer NOT NULL,
	"vacancies" integer NOT NULL,
	"absences" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "care_home_latest" ADD CONSTRAINT "care_home_latest_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_home_monthly" ADD CONSTRAINT "care_home_monthly_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homecare_latest" ADD CONSTRAINT "homecare_latest_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_open_placements" ADD CONSTRAINT "location_open_placements_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_latest" ADD CONSTRAINT "workforce_latest_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_home_monthly_month_idx" ON "care_home_monthly" USING btree ("month");--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_end_after_start" CHECK ("placements"."end_date" is null or "placements"."end_date" >= "placements"."start_date");