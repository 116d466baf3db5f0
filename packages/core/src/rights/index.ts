export * from "./group-channel.js"
export * from "./office-admin.js"
export * from "./organisation-changes.js"
export * from "./publishing.js"
