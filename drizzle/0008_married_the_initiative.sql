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
ALTER TABLE "locations" ADD COLUMN "cqc_key_question_ratings" jsonb;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "ods_code" text;--> statement-breakpoint
CREATE INDEX "import_runs_kind_at_idx" ON "import_runs" USING btree ("kind","imported_at");--> statement-breakpoint
CREATE INDEX "published_discharge_figures_metric_idx" ON "published_discharge_figures" USING btree ("metric","org_code","date");--> statement-breakpoint
CREATE UNIQUE INDEX "placements_import_ref_uq" ON "placements" USING btree ("origin_ref") WHERE "placements"."origin" = 'import';