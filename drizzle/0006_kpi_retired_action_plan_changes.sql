ALTER TABLE "kpis" ADD COLUMN "retired_on" date;--> statement-breakpoint
ALTER TABLE "kpis" ADD COLUMN "retire_reason" text;--> statement-breakpoint
ALTER TABLE "quality_assessments" ADD COLUMN "action_plan_changes_requested" text;--> statement-breakpoint
ALTER TABLE "quality_assessments" ADD COLUMN "action_plan_changes_requested_on" date;