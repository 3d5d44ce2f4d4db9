ALTER TABLE "delivery_plans" ADD COLUMN "kind" text DEFAULT 'delivery_plan' NOT NULL;--> statement-breakpoint
ALTER TABLE "delivery_plans" ADD COLUMN "care_group" text;--> statement-breakpoint
ALTER TABLE "delivery_plans" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD COLUMN "contract_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD COLUMN "procurement_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD COLUMN "owner" text;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plan_intentions" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plan_priorities" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
UPDATE "plan_actions" SET "contract_ids" = ARRAY["contract_id"] WHERE "contract_id" IS NOT NULL;--> statement-breakpoint
UPDATE "plan_actions" SET "procurement_ids" = ARRAY["procurement_id"] WHERE "procurement_id" IS NOT NULL;