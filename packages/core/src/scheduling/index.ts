export * from "./publishable.js"
