/**
 * @spridning/db: Spridning's persistence. Nothing else talks to the database.
 * @packageDocumentation
 */
export * from "./database/database.js"
export * from "./database/errors.js"
export * as schema from "./schema/index.js"
