export * from "./invitees.js"
