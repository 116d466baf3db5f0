export * from "./catalogue.js"
export * from "./explain.js"
