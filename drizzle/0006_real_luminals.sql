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
ALTER TABLE "population_series" ADD CONSTRAINT "population_series_area_code_demand_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."demand_areas"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "population_series_uq" ON "population_series" USING btree ("area_code","kind","vintage","year","sex");--> statement-breakpoint
CREATE INDEX "population_series_area_idx" ON "population_series" USING btree ("area_code");