ALTER TABLE "workforce_latest" ALTER COLUMN "vacancies" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "workforce_snapshots" ALTER COLUMN "vacancies" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "workforce_snapshots" ALTER COLUMN "vacancies" DROP NOT NULL;