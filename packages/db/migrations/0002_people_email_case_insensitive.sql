ALTER TABLE "people" DROP CONSTRAINT "people_email";--> statement-breakpoint
CREATE UNIQUE INDEX "people_email" ON "people" USING btree (lower("email"));