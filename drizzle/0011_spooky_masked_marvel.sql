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
ALTER TABLE "kpi_returns" ADD COLUMN "entered_by_staff" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_returns" ADD COLUMN "amended_on" date;--> statement-breakpoint
ALTER TABLE "kpi_return_amendments" ADD CONSTRAINT "kpi_return_amendments_return_id_kpi_returns_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."kpi_returns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_return_amendments_return_idx" ON "kpi_return_amendments" USING btree ("return_id");