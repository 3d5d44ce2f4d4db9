CREATE TABLE "mps_block_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"section_key" text NOT NULL,
	"block_key" text NOT NULL,
	"version" integer NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"author_label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mps_editions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"published_on" date NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"published_by_label" text,
	"as_at" date NOT NULL,
	"statement" jsonb NOT NULL,
	CONSTRAINT "mps_editions_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "mps_review_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sequence" bigserial NOT NULL,
	"section_key" text NOT NULL,
	"action" text NOT NULL,
	"by_user_id" uuid,
	"by_label" text,
	"comment" text,
	"versions" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mps_block_versions" ADD CONSTRAINT "mps_block_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mps_editions" ADD CONSTRAINT "mps_editions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mps_review_events" ADD CONSTRAINT "mps_review_events_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mps_block_versions_uq" ON "mps_block_versions" USING btree ("section_key","block_key","version");--> statement-breakpoint
CREATE INDEX "mps_review_events_section_idx" ON "mps_review_events" USING btree ("section_key","sequence");