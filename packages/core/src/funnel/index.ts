export * from "./model.js"
export * from "./reach.js"
export * from "./states.js"
