export * from "./merge.js"
