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
CREATE TABLE "population_figures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"area_code" text NOT NULL,
	"year" integer NOT NULL,
	"sex" text NOT NULL,
	"age_from" integer NOT NULL,
	"age_to" integer,
	"count" double precision NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"vintage" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
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
ALTER TABLE "population_figures" ADD CONSTRAINT "population_figures_area_code_demand_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."demand_areas"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
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
CREATE UNIQUE INDEX "population_figures_uq" ON "population_figures" USING btree ("area_code","kind","vintage","year","sex","age_from");--> statement-breakpoint
CREATE INDEX "population_figures_area_year_idx" ON "population_figures" USING btree ("area_code","year");--> statement-breakpoint
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
CREATE INDEX "discharge_requests_provider_idx" ON "discharge_requests" USING btree ("provider_id","sent_at");