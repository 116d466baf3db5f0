export * from "./publishing-rights-table.js"
