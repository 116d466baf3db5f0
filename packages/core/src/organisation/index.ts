export * from "./decode.js"
export * from "./ids.js"
export * from "./index-network.js"
export * from "./model.js"
