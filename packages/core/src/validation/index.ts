export * from "./problems.js"
export * from "./validate.js"
