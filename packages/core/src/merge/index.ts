export * from "./merge.js"
export * from "./merged-groups.js"
