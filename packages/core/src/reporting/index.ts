export * from "./chain.js"
export * from "./lines.js"
