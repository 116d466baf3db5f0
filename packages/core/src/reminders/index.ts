export * from "./rule.js"
