export * from "./links.js"
export * from "./model.js"
export * from "./plan.js"
export * from "./reach.js"
