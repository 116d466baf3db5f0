export * from "./access.js"
export * from "./organisation.js"
export * from "./outbox.js"
export * from "./updates.js"
