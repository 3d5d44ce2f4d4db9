CREATE TABLE "bcf_risk_links" (
	"plan_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"scheme_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bcf_risk_links_plan_id_risk_id_pk" PRIMARY KEY("plan_id","risk_id")
);
--> statement-breakpoint
ALTER TABLE "bcf_risk_links" ADD CONSTRAINT "bcf_risk_links_plan_id_bcf_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."bcf_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_risk_links" ADD CONSTRAINT "bcf_risk_links_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bcf_risk_links" ADD CONSTRAINT "bcf_risk_links_scheme_id_bcf_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."bcf_schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bcf_risk_links_scheme_idx" ON "bcf_risk_links" USING btree ("scheme_id");