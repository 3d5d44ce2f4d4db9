ALTER TABLE "contracts" ADD COLUMN "ended_on" date;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "procurements" ADD COLUMN "intention_id" uuid;--> statement-breakpoint
ALTER TABLE "procurements" ADD CONSTRAINT "procurements_intention_id_plan_intentions_id_fk" FOREIGN KEY ("intention_id") REFERENCES "public"."plan_intentions"("id") ON DELETE set null ON UPDATE no action;