CREATE TABLE "provider_concern_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concern_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text,
	"by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "self_funder_fees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid NOT NULL,
	"band" text NOT NULL,
	"weekly_fee_pence" integer NOT NULL,
	"effective_from" date NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "provider_concerns" ALTER COLUMN "status" SET DEFAULT 'logged';--> statement-breakpoint
ALTER TABLE "provider_concerns" ADD COLUMN "agreed_action" text;--> statement-breakpoint
ALTER TABLE "provider_concerns" ADD COLUMN "safeguarding_referral_on" date;--> statement-breakpoint
ALTER TABLE "provider_concerns" ADD COLUMN "safeguarding_reference" text;--> statement-breakpoint
ALTER TABLE "provider_concerns" ADD COLUMN "provider_response" text;--> statement-breakpoint
ALTER TABLE "provider_concerns" ADD COLUMN "provider_responded_on" date;--> statement-breakpoint
ALTER TABLE "provider_concerns" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "provider_approver" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "care_home_capacity" ADD COLUMN "vacant_closed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "care_home_capacity" ADD COLUMN "closed_reason" text;--> statement-breakpoint
ALTER TABLE "care_home_capacity" ADD COLUMN "closed_note" text;--> statement-breakpoint
ALTER TABLE "care_home_capacity" ADD COLUMN "held_for_assessment" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "care_home_capacity" ADD COLUMN "nil_return" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "provider_concern_events" ADD CONSTRAINT "provider_concern_events_concern_id_provider_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."provider_concerns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_funder_fees" ADD CONSTRAINT "self_funder_fees_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provider_concern_events_concern_idx" ON "provider_concern_events" USING btree ("concern_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "self_funder_fees_uq" ON "self_funder_fees" USING btree ("location_id","band","effective_from");--> statement-breakpoint
-- Data fix (issue 16): concerns were open | closed; an open concern is now "logged", and every existing concern
-- gets its history from what was stored (logged when raised, closed on its closing date).
UPDATE "provider_concerns" SET "status" = 'logged' WHERE "status" = 'open';--> statement-breakpoint
INSERT INTO "provider_concern_events" ("concern_id", "at", "kind", "from_status", "to_status", "by_user_id")
  SELECT "id", "created_at", 'log', NULL, 'logged', "created_by" FROM "provider_concerns";--> statement-breakpoint
INSERT INTO "provider_concern_events" ("concern_id", "at", "kind", "from_status", "to_status")
  SELECT "id", greatest("created_at", "closed_on"::timestamptz), 'transition', 'logged', 'closed' FROM "provider_concerns" WHERE "status" = 'closed';
