CREATE TABLE "bcf_risk_links" (
	"plan_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"scheme_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bcf_risk_links_plan_id_risk_id_pk" PRIMARY KEY("plan_id","risk_id")
);
--> statement-breakpoint
ALTER TABLE "delivery_plans" ADD COLUMN "kind" text DEFAULT 'delivery_plan' NOT NULL;--> statement-breakpoint
ALTER TABLE "delivery_plans" ADD COLUMN "care_group" text;--> statement-breakpoint
ALTER TABLE "delivery_plans" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD COLUMN "contract_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD COLUMN "procurement_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD COLUMN "owner" text;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plan_intentions" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plan_priorities" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bcf_risk_links" ADD CONSTRAINT "bcf_risk_links_plan_id_bcf_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."bcf_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_risk_links" ADD CONSTRAINT "bcf_risk_links_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_risk_links" ADD CONSTRAINT "bcf_risk_links_scheme_id_bcf_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."bcf_schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bcf_risk_links_scheme_idx" ON "bcf_risk_links" USING btree ("scheme_id");--> statement-breakpoint
UPDATE "plan_actions" SET "contract_ids" = ARRAY["contract_id"] WHERE "contract_id" IS NOT NULL;--> statement-breakpoint
UPDATE "plan_actions" SET "procurement_ids" = ARRAY["procurement_id"] WHERE "procurement_id" IS NOT NULL;