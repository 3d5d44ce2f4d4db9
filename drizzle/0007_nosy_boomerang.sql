ALTER TABLE "provider_concern_events" ADD COLUMN "occurred_on" date;--> statement-breakpoint
-- A concern's first step happened the day it was raised.
UPDATE "provider_concern_events" AS e SET "occurred_on" = c."raised_on" FROM "provider_concerns" AS c WHERE e."concern_id" = c."id" AND e."kind" = 'log';
