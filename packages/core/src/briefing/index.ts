export * from "./briefing.js"
