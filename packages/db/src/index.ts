/**
 * @spridning/db: Spridning's persistence. Nothing else talks to the database.
 * @packageDocumentation
 */
export * from "./access/access.js"
export * from "./access/office-sign-in.js"
export * from "./audit/audit-log.js"
export * from "./database/database.js"
export * from "./database/errors.js"
export * from "./layers.js"
export * from "./organisation/entity-store.js"
export * from "./organisation/network-store.js"
export * from "./organisation/organisation.js"
export * from "./organisation/roster-import.js"
export * from "./outbox/delivery-queries.js"
export * from "./outbox/outbox.js"
export * from "./outbox/tracking.js"
export * as schema from "./schema/index.js"
export * from "./updates/briefing-requests.js"
export * from "./updates/changes.js"
export * from "./updates/model.js"
export * from "./updates/stored-plan.js"
export * from "./updates/updates.js"
