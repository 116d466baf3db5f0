export * from "./briefing-schedule.js"
export * from "./publishable.js"
