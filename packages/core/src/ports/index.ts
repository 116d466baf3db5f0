export * from "./in-memory.js"
export * from "./network-store.js"
