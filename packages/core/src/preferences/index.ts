export * from "./effects.js"
export * from "./explain.js"
export * from "./model.js"
