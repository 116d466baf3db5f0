export * from "./office-admin.js"
export * from "./publishing.js"
