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
CREATE UNIQUE INDEX "discharge_simulation_scenarios_name_uq" ON "discharge_simulation_scenarios" USING btree ("name");--> statement-breakpoint
CREATE INDEX "discharge_simulation_scenarios_updated_idx" ON "discharge_simulation_scenarios" USING btree ("updated_at");