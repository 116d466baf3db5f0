export * from "./model.js"
export * from "./reach.js"
