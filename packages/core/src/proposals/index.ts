export * from "./answer.js"
export * from "./window.js"
