DROP INDEX "deliveries_region";--> statement-breakpoint
DROP INDEX "deliveries_provider_message";--> statement-breakpoint
CREATE INDEX "deliveries_provider_message" ON "deliveries" USING btree ("provider_message_id") WHERE "deliveries"."provider_message_id" is not null;