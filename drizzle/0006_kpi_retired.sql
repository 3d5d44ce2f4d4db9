ALTER TABLE "kpis" ADD COLUMN "retired_on" date;--> statement-breakpoint
ALTER TABLE "kpis" ADD COLUMN "retire_reason" text;