export * from "./publishing.js"
